// Runs: node (CLI). The shape of a command; each domain adds its commands to main.ts's list.
export interface GlobalOptions {
  dataDir: string;
  json: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(argv: string[], g: GlobalOptions): Promise<number>;
}
