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
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text.split(url).join(maskUrl(url));
  }
  const masked = text.split(url).join(maskUrl(url));
  return password ? masked.split(password).join('***') : masked;
}
