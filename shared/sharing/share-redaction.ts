/**
 * A share link shows one cook and nothing else of the account. A prediction's `basedOn` ("based on your last 3
 * briskets: …") speaks of the account's other cooks: a share link's viewer does not get it, neither in
 * `GET /share/{token}` nor on its socket.
 */
import type { ProbePrediction, ServerMessage } from '../api/schemas';

export function predictionForShare<P extends ProbePrediction>(prediction: P): P {
  if (prediction.basedOn === undefined) return prediction;
  const { basedOn: _ownersHistory, ...shown } = prediction;
  return shown as P;
}

/** The message as a share link's socket receives it (messages it may receive at all: `mayReceive`). */
export function messageForShare(message: ServerMessage): ServerMessage {
  return message.type === 'prediction' ? predictionForShare(message) : message;
}
