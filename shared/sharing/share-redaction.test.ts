import { describe, expect, it } from 'vitest';
import type { ProbePrediction, ServerMessage } from '../api/schemas';
import { messageForShare, predictionForShare } from './share-redaction';

const AT = '2026-11-01T01:00:00.000Z';
const prediction: ProbePrediction = { channel: '2', phase: 'stall', etaAt: AT, etaLowAt: AT, etaHighAt: AT, reason: null, stallStartedAt: AT, at: AT };
const basedOn = 'based on your last 3 briskets: stall about 3 h 10 m';

describe('what a share link’s viewer sees of a prediction', () => {
  it('everything but what the account’s other cooks taught it', () => {
    expect(predictionForShare({ ...prediction, basedOn })).toEqual(prediction);
    expect(predictionForShare(prediction)).toBe(prediction);
    const message: ServerMessage = { type: 'prediction', serial: 'S1', ...prediction, basedOn };
    expect(messageForShare(message)).toEqual({ type: 'prediction', serial: 'S1', ...prediction });
    const pong: ServerMessage = { type: 'pong' };
    expect(messageForShare(pong)).toBe(pong);
  });
});
