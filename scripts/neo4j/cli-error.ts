/** A failure the user can act on: printed as one line with the log to read, never a stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly logFile?: string,
  ) {
    super(message);
  }
}

/** Runs a command-line entry point, turning a CliError into one line on stderr and exit code 1. */
export async function runCli(command: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof CliError) {
      const log = error.logFile ? ` (log: ${error.logFile})` : "";
      console.error(`${command}: ${error.message}${log}`);
    } else {
      console.error(`${command}: unexpected failure:`, error);
    }
    process.exitCode = 1;
  }
}
