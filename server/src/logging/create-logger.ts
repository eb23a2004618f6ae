import { type DestinationStream, type Logger, pino } from "pino";

/** Headers and fields that carry credentials: logged as "[Redacted]", never as they are. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  'req.headers["proxy-authorization"]',
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.password",
  "*.token",
];

/** The process' JSON logger (pino); every request's lines carry its id through pino-http. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: REDACTED_PATHS };
  return destination ? pino(options, destination) : pino(options);
}
