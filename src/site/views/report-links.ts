/**
 * "Report a problem" on channel and region pages: links that open a pre-filled issue in the
 * site's repository (config.repoUrl), through the issue forms in .github/ISSUE_TEMPLATE/.
 */
import type { Channel } from '../../domain/model.ts';
import type { Region } from '../../domain/regions.ts';
import { reportIssueUrl } from '../../routes/report-links.ts';
import type { SiteConfig } from '../../routes/site-config.ts';
import type { PageContext } from '../i18n.ts';
import { stringsFor } from '../../strings/index.ts';
import { localePath, routes } from '../../routes/routes.ts';
import type { ExternalLink } from './links.ts';

export interface ReportLinks {
  readonly heading: string;
  readonly links: readonly ExternalLink[];
  /** That the links lead to GitHub and need an account there. */
  readonly note: string;
}

type RepoConfig = Pick<SiteConfig, 'siteUrl' | 'repoUrl'>;

/** The page's absolute address, so the issue says which page the reader was on. */
function pageUrl(config: RepoConfig, ctx: PageContext, route: string): string {
  return new URL(localePath(ctx, route), config.siteUrl).href;
}

/**
 * "Something is wrong" for every channel; "it has closed" too for channels not yet recorded
 * as closed (a closing channel whose closure took effect, an active one that disappeared).
 */
export function channelReportLinks(channel: Channel, ctx: PageContext, config: RepoConfig): ReportLinks {
  const t = stringsFor(ctx.lang);
  const fields = { channel: channel.id, page: pageUrl(config, ctx, routes.channel(channel.id)), url: channel.url };
  const links: ExternalLink[] = [
    { href: reportIssueUrl(config.repoUrl, 'wrong', fields, `[信息有误 wrong] ${channel.name}`), text: t.channel.reportWrong },
  ];
  if (channel.status !== 'closed') {
    links.push({ href: reportIssueUrl(config.repoUrl, 'closed', fields, `[已关停 closed] ${channel.name}`), text: t.channel.reportClosed });
  }
  return { heading: t.channel.reportHeading, links, note: t.channel.reportNote };
}

/** "An account is missing here", with the region filled in. */
export function regionReportLinks(region: Region, ctx: PageContext, config: RepoConfig): ReportLinks {
  const t = stringsFor(ctx.lang);
  const place = `${region.name} ${region.code}`;
  return {
    heading: t.channel.reportHeading,
    links: [{ href: reportIssueUrl(config.repoUrl, 'missing', { region: place }, `[缺少 missing] ${region.name}`), text: t.region.reportMissing }],
    note: t.channel.reportNote,
  };
}
