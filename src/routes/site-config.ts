/**
 * Site-wide settings, overridable from the environment so forks and previews publish under
 * their own names. Read only by entry points (astro.config, the registry loader).
 */
export interface SiteConfig {
  /** Public URL of the site, for canonical links, sitemaps and feeds. */
  readonly siteUrl: string;
  /** Base path when served from a sub-folder (GitHub Pages project sites), "/" otherwise. */
  readonly basePath: string;
  /** Source repository, for "report a problem" links and the footer. */
  readonly repoUrl: string;
  readonly dataLicence: { readonly name: string; readonly url: string };
}

export function siteConfigFromEnv(env: Record<string, string | undefined>): SiteConfig {
  const basePath = env.BASE_PATH || '/';
  return {
    siteUrl: env.SITE_URL || 'https://gov-channels.github.io',
    basePath: basePath.endsWith('/') ? basePath : `${basePath}/`,
    repoUrl: env.REPO_URL || 'https://github.com/gov-channels/registry',
    dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  };
}
