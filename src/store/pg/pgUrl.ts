/** A registry URL as it may be shown: the password masked, in every message, log and error. */
export const isPgUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // not a URL we can parse: show none of what might follow a colon in the authority
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/** `text` with any occurrence of the URL's password masked (error messages may quote the URL). */
export function maskIn(text: string, url: string): string {
  const masked = text.split(url).join(maskUrl(url));
  const password = passwordIn(url);
  return password ? masked.split(password).join('***') : masked;
}

/**
 * The URL's password as a message may quote it: decoded, or as written when it is not valid
 * percent-encoding (`p%zz`); null when the URL does not parse (maskUrl's fallback masks it where quoted).
 */
function passwordIn(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { password } = new URL(url);
  try {
    return decodeURIComponent(password);
  } catch {
    return password;
  }
}
