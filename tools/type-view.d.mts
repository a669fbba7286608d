/**
 * What a user's editor and compiler show for `code`, which imports the packages by name, each read from the built
 * declaration file given for it, under the strictest settings a user may have.
 */
export function typeView(
  code: string,
  declarations: Record<string, string>,
): {
  /** The hover text of the first place `text` occurs in the code, as an editor shows it. */
  hover(text: string): string;
  /** Every compiler error of the code, each message whole. */
  errors(): string[];
};
