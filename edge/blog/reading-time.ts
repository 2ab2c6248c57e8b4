import { BLOG_LIMITS } from '../contract/blog.ts';

/**
 * Reading time in whole minutes at 200 words a minute, at least 1: the rule the database's
 * generated column blog_posts.reading_minutes computes (words are runs of non-space characters of
 * the Markdown source), restated here for the editor's live preview.
 */
export function readingMinutes(markdown: string): number {
  const trimmed = markdown.trim();
  const words = trimmed ? trimmed.split(/\s+/).length : 0;
  return Math.max(1, Math.ceil(words / BLOG_LIMITS.wordsPerMinute));
}
