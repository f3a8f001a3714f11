/**
 * Every screen of the app, once: its URL, who may see it, and where its code is (loaded when first shown, so a
 * screen costs nothing until someone opens it). Later issues add their screen here by giving their entry a `load`:
 * an entry without one is only a reserved URL (it shows "not found" until its screen exists).
 */
import type { ComponentType } from 'react';

export type Access = 'public' | 'signed-in' | 'signed-out';

export interface ScreenDefinition {
  /** A React Router path. */
  path: string;
  access: Access;
  /** The document title while it is shown. */
  title: string;
  /** In the header's navigation, with this label. */
  nav?: string;
  /** The screen's module, whose default export is the screen. Absent: planned, not built yet. */
  load?: () => Promise<{ default: ComponentType }>;
  /** Who builds it, for entries without `load`. */
  plannedBy?: string;
}

export const screens = {
  signIn: { path: '/sign-in', access: 'signed-out', title: 'Sign in', load: () => import('../auth/SignInPage') },
  devices: { path: '/', access: 'signed-in', title: 'Your thermometers', nav: 'Devices', load: () => import('../devices/DevicesPage') },
  liveView: { path: '/devices/:serial', access: 'signed-in', title: 'Live', load: () => import('../live-view/LiveViewPage') },
  cooks: { path: '/cooks', access: 'signed-in', title: 'Cooks', nav: 'Cooks', load: () => import('../cooks/CooksPage') },
  settings: { path: '/settings', access: 'signed-in', title: 'Settings', nav: 'Settings', load: () => import('../settings/SettingsPage') },
  cookDetail: { path: '/cooks/:cookId', access: 'signed-in', title: 'Cook', load: () => import('../cook-records/CookDetailPage') },
  compare: { path: '/compare', access: 'signed-in', title: 'Compare cooks', load: () => import('../cook-records/ComparePage') },
  alarms: { path: '/alarms', access: 'signed-in', title: 'Alarms', nav: 'Alarms', load: () => import('../alarms/AlarmsPage') },
  alarmEvents: { path: '/alarm-events', access: 'signed-in', title: 'Alarm history', load: () => import('../alarms/AlarmEventsPage') },
  /** Where an email's or a webhook's signed link points (acknowledge, snooze, confirm an address): no session needed. */
  alarmLink: { path: '/alarm-links', access: 'public', title: 'Alarm link', load: () => import('../alarms/AlarmLinkPage') },
  notificationChannels: { path: '/settings/notifications', access: 'signed-in', title: 'Notifications', load: () => import('../alarms/NotificationsPage') },
  // Not in the header's navigation yet: a fourth link makes the header wider than a 360 px phone (see the report).
  integrations: { path: '/integrations', access: 'signed-in', title: 'Integrations', load: () => import('../integrations/IntegrationsPage') },
  plan: { path: '/plan', access: 'signed-in', title: 'Plan a cook', load: () => import('../plan/PlanPage') },
  share: { path: '/share/:token', access: 'public', title: 'Shared cook', load: () => import('../cook-records/SharePage') },
} as const satisfies Record<string, ScreenDefinition>;

export type ScreenId = keyof typeof screens;

/** The URLs screens link to, built in one place. */
export const paths = {
  devices: () => '/',
  liveView: (serial: string) => `/devices/${encodeURIComponent(serial)}`,
  cooks: () => '/cooks',
  cookDetail: (cookId: string) => `/cooks/${encodeURIComponent(cookId)}`,
  compare: (ids: readonly [string, string]) => `/compare?ids=${ids.map(encodeURIComponent).join(',')}`,
  settings: () => '/settings',
  /** The alarm screen; with a probe (and a temperature in the display units), its new-alarm form opens prefilled. */
  alarms: (probe?: { serial: string; channel: string; threshold?: { value: number; units: 'F' | 'C' } }) => {
    if (probe === undefined) return '/alarms';
    const query = new URLSearchParams({ serial: probe.serial, channel: probe.channel });
    if (probe.threshold !== undefined) query.set('threshold', `${Math.round(probe.threshold.value)}${probe.threshold.units}`);
    return `/alarms?${query.toString()}`;
  },
  alarmEvents: () => '/alarm-events',
  notifications: () => '/settings/notifications',
  integrations: () => '/integrations',
  plan: () => '/plan',
  signIn: () => '/sign-in',
  share: (token: string) => `/share/${encodeURIComponent(token)}`,
};

export const screenList = (Object.entries(screens) as Array<[ScreenId, ScreenDefinition]>).map(([id, screen]) => ({ id, ...screen }));
