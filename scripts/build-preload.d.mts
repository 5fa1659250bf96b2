// Types of scripts/build-preload.mjs for the TypeScript tests that call it.
export interface ContractNames {
  channels: string[];
  events: string[];
}
export function readContractNames(): Promise<ContractNames>;
export function contractNamesModule(names: ContractNames): string;
export function buildPreload(outDir?: string): Promise<{ file: string; names: ContractNames }>;
