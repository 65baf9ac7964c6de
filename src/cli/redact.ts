// A JWT's header is base64url JSON, so it starts with `eyJ` (`{"`), and a dot follows it: enough to
// recognise an OIDC token pasted where a file name or a variable name was expected.
const TOKEN = /eyJ[\w-]*\.[\w-]+(?:\.[\w-]*)?/g;

/** Whether a command-line value could be a token itself, and so must never be echoed. */
export function looksLikeToken(value: string): boolean {
  return new RegExp(TOKEN.source).test(value);
}

/** Text with anything token-shaped replaced, for messages that quote what the user typed. */
export function withoutTokens(text: string): string {
  return text.replace(TOKEN, '[token]');
}
