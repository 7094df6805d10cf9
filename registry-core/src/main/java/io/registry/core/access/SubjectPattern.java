package io.registry.core.access;

/**
 * Which subjects a grant covers: a glob over the subject as the API and the log spell it, qualified names included
 * ({@code :.ctx:name} for a subject of a named schema context). {@code *} matches any run of characters (also none),
 * {@code ?} one character, a backslash makes the next character literal. So {@code team-a.*} is every default-context
 * subject starting with {@code team-a.}, {@code :.payments:*} every subject of the context {@code .payments} (and
 * the context's own config/mode scope {@code :.payments:}), and {@code *} everything, the global config/mode scope
 * ({@link #GLOBAL_SCOPE}) included.
 */
public record SubjectPattern(String glob) {
    /** How the global config/mode scope (no subject) is matched: only a pattern matching the empty string covers it. */
    public static final String GLOBAL_SCOPE = "";
    public static final SubjectPattern EVERYTHING = new SubjectPattern("*");

    public SubjectPattern {
        if (glob == null || glob.isEmpty()) {
            throw new IllegalArgumentException("A subject pattern must not be empty");
        }
    }

    /** Every subject starting with {@code prefix} (as a JWT's subject-prefix claim lists them). */
    public static SubjectPattern prefix(String prefix) {
        StringBuilder glob = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                glob.append('\\');
            }
            glob.append(c);
        }
        return new SubjectPattern(glob.append('*').toString());
    }

    /** Whether the subject (or scope: {@link #GLOBAL_SCOPE}, {@code :.ctx:}) is covered; null reads as the global scope. */
    public boolean matches(String subject) {
        return matches(glob, 0, subject == null ? GLOBAL_SCOPE : subject, 0);
    }

    /** Backtracking only at {@code *}: linear for patterns with one star, fine for configuration-sized patterns. */
    private static boolean matches(String glob, int g, String text, int t) {
        while (g < glob.length()) {
            char c = glob.charAt(g);
            if (c == '*') {
                while (g < glob.length() && glob.charAt(g) == '*') {
                    g++;
                }
                if (g == glob.length()) {
                    return true;
                }
                for (int from = t; from <= text.length(); from++) {
                    if (matches(glob, g, text, from)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length()) {
                return false;
            }
            if (c == '?') {
                g++;
                t++;
                continue;
            }
            if (c == '\\' && g + 1 < glob.length()) {
                c = glob.charAt(++g);
            }
            if (c != text.charAt(t)) {
                return false;
            }
            g++;
            t++;
        }
        return t == text.length();
    }

    @Override
    public String toString() {
        return glob;
    }
}
