/** Channel units as ThermoWorks reports them: °F, °C, or relative humidity (H). The one definition of them. */
export const CHANNEL_UNITS = ['F', 'C', 'H'] as const;
export type ChannelUnit = (typeof CHANNEL_UNITS)[number];
