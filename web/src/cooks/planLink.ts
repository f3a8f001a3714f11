/**
 * "Start this cook" from a plan: /plan links to the devices screen with the plan's preset and serve time in the
 * query (`?preset=brisket&serveAt=…`), and the start-cook form opened there fills them in. Nothing else reads them.
 */
import { paths } from '../app/routes';

export interface PlanLink {
  presetId: string;
  serveAt: string;
}

export function planStartLink(link: PlanLink): string {
  return `${paths.devices()}?${new URLSearchParams({ preset: link.presetId, serveAt: link.serveAt }).toString()}`;
}

/** The plan a page was opened with, if its query has one (an instant that parses, a preset id of the right shape). */
export function readPlanLink(search: string): PlanLink | null {
  const query = new URLSearchParams(search);
  const presetId = query.get('preset');
  const serveAt = query.get('serveAt');
  if (presetId === null || serveAt === null || !/^[a-z0-9-]{1,64}$/.test(presetId) || !Number.isFinite(Date.parse(serveAt))) return null;
  return { presetId, serveAt };
}
