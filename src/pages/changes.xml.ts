/** /changes.xml: the Changes page's published updates as an Atom 1.0 feed (written by the `feed` library). */
import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { loadTimeline } from '../build/history.ts';
import { review } from '../build/load.ts';
import { outcomeLabel } from '../build/model.ts';
import { summarizeDiff, updateHtml } from '../lib/changes/describe.ts';
import { base } from '../base-path.ts';

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = new URL(base, site ?? 'http://localhost/').href;
  const updates = (await loadTimeline()).updates.filter((u) => u.published);
  const updated = updates[0]?.date ? new Date(updates[0].date) : new Date(0);
  const feed = new Feed({
    id: `${siteUrl}changes/`,
    title: `${review.short_title}: changes`,
    description: `Updates of the living review "${review.title}": studies added or changed and how each pooled estimate moved.`,
    link: `${siteUrl}changes/`,
    feedLinks: { atom: `${siteUrl}changes.xml` },
    language: 'en',
    updated,
    generator: 'living-evidence-review (feed)',
    author: { name: review.authors.join(', ') || review.short_title },
    copyright: review.authors.join(', ') || review.short_title,
  });
  for (const u of updates) {
    const link = `${siteUrl}changes/#c-${u.commit!.slice(0, 12)}`;
    feed.addItem({
      id: `${siteUrl}changes/#commit-${u.commit}`,
      title: `${u.date!.slice(0, 10)}: ${u.subject}`,
      link,
      date: new Date(u.date!),
      description: summarizeDiff(u.diff),
      content: updateHtml(u, siteUrl, outcomeLabel),
    });
  }
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
