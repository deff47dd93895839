/** A chosen file as the pane's actions take it: its name and its bytes. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The files chosen in a file input, read as bytes. The input is cleared at once, so choosing the same file again
 * still fires a change.
 */
export async function takePickedFiles(input: HTMLInputElement): Promise<PickedFile[]> {
  const files = [...(input.files ?? [])];
  input.value = "";
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
