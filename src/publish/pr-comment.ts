/**
 * The pull request's data-change comment, made by the privileged comment job from the JSON the
 * unprivileged checks wrote (see diff-json.ts): the JSON is checked for shape, then rendered
 * by this (the base branch's) code with every string escaped. JSON that is not a data diff
 * gets a fixed comment saying so, with nothing of it in the comment.
 */
import { parseDiffJson } from './diff-json.ts';
import { DIFF_COMMENT_MARKER, renderDiffMarkdown } from './diff-markdown.ts';

export interface PrComment {
  readonly body: string;
  /** Why the JSON could not be read (empty when it was); positions only, never its values. */
  readonly problems: readonly string[];
}

export function prComment(jsonText: string, options: { runUrl?: string } = {}): PrComment {
  const parsed = parseDiffJson(jsonText);
  if (parsed.ok) {
    const { ref, today: _today, checks, ...diff } = parsed.diff;
    return { body: renderDiffMarkdown(diff, { baseLabel: ref, checks, runUrl: options.runUrl }), problems: [] };
  }
  const body = [
    DIFF_COMMENT_MARKER,
    '## 数据变更摘要 Data change summary',
    '',
    '⚠️ 检查作业交来的数据摘要无法读取，因此这里没有摘要。请查看检查作业的日志。',
    'The data summary handed over by the checks could not be read, so there is none here. See the log of the checks.',
  ].join('\n');
  return { body, problems: parsed.problems };
}
