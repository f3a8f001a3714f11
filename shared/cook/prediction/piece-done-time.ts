import type { DoneTimePrediction, Eta } from './done-time-prediction';

/**
 * One answer per piece of meat. Probes in the same cut — marked as one piece, or given the same preset — are one
 * piece: it is done when its last probe reaches its target, so that probe governs, and the spread between the probes'
 * answers is reported beside it (a thick flat and a fatty point finish apart; three unrelated ETAs help no one).
 * The probes of one piece share the pit and the cut, so their errors go together: the piece's quantiles are the
 * latest of the probes' quantiles (the maximum of comonotone variables).
 */
export interface PieceProbe {
  readonly probe: string;
  /** The cook marked these probes as one piece. */
  readonly pieceId?: string;
  /** Probes with the same preset are one piece unless marked otherwise. */
  readonly presetId?: string;
}

export interface Piece {
  readonly pieceId: string;
  readonly probes: readonly string[];
}

export interface PieceDoneTime {
  readonly pieceId: string;
  readonly probes: readonly string[];
  /** done: every probe reached its target; cooking: an ETA; unknown: no probe can tell yet. */
  readonly phase: 'done' | 'cooking' | 'unknown';
  /** The piece's ETA (seconds from `atMs`), from the probe that will reach its target last. */
  readonly eta?: Eta;
  readonly governingProbe?: string;
  /** Latest minus earliest median ETA among the probes (done ones count 0); undefined with fewer than two answers. */
  readonly spreadSeconds?: number;
  /** Probes still cooking with no ETA yet: the piece's answer may move when they speak. */
  readonly probesWithoutEta: readonly string[];
  readonly atMs: number;
}

/** Groups probes into pieces: the same pieceId, else the same preset, else a piece of its own. Order is kept. */
export function groupIntoPieces(probes: readonly PieceProbe[]): Piece[] {
  const pieces = new Map<string, string[]>();
  for (const p of probes) {
    const key = p.pieceId !== undefined ? `piece:${p.pieceId}` : p.presetId !== undefined ? `preset:${p.presetId}` : `probe:${p.probe}`;
    pieces.set(key, [...(pieces.get(key) ?? []), p.probe]);
  }
  return [...pieces].map(([key, members]) => ({ pieceId: key, probes: members }));
}

export function pieceDoneTime(piece: Piece, predictions: ReadonlyMap<string, DoneTimePrediction>, atMs: number): PieceDoneTime {
  const answers: Array<{ probe: string; eta: Eta }> = [];
  const silent: string[] = [];
  for (const probe of piece.probes) {
    const p = predictions.get(probe);
    if (p?.phase === 'done') answers.push({ probe, eta: { seconds: 0, lowSeconds: 0, highSeconds: 0 } });
    else if (p?.eta !== undefined) answers.push({ probe, eta: p.eta });
    else silent.push(probe);
  }
  const base = { pieceId: piece.pieceId, probes: piece.probes, probesWithoutEta: silent, atMs };
  if (answers.length === 0) return { ...base, phase: 'unknown' };
  if (silent.length === 0 && answers.every((a) => a.eta.seconds === 0)) {
    return { ...base, phase: 'done', eta: { seconds: 0, lowSeconds: 0, highSeconds: 0 } };
  }
  const governing = answers.reduce((a, b) => (b.eta.seconds > a.eta.seconds ? b : a));
  const eta: Eta = {
    seconds: governing.eta.seconds,
    lowSeconds: Math.max(...answers.map((a) => a.eta.lowSeconds)),
    highSeconds: Math.max(...answers.map((a) => a.eta.highSeconds)),
  };
  const mids = answers.map((a) => a.eta.seconds);
  return {
    ...base,
    phase: 'cooking',
    eta,
    governingProbe: governing.probe,
    ...(answers.length > 1 ? { spreadSeconds: Math.max(...mids) - Math.min(...mids) } : {}),
  };
}
