package io.registry.core.semver;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code MAJOR.MINOR.PATCH}, numbers without leading zeros (semver.org 2.0.0 core, no pre-release/build). */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {
    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    public static final SemanticVersion INITIAL = new SemanticVersion(1, 0, 0);

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers are non-negative");
        }
    }

    public static Optional<SemanticVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    public SemanticVersion bump(Bump bump) {
        switch (bump) {
            case MAJOR:
                return new SemanticVersion(major + 1, 0, 0);
            case MINOR:
                return new SemanticVersion(major, minor + 1, 0);
            default:
                return new SemanticVersion(major, minor, patch + 1);
        }
    }

    /** The kind of step from {@code this} to a later {@code next}; empty when {@code next} is not later. */
    public Optional<Bump> stepTo(SemanticVersion next) {
        if (next.compareTo(this) <= 0) {
            return Optional.empty();
        }
        if (next.major != major) {
            return Optional.of(Bump.MAJOR);
        }
        return Optional.of(next.minor != minor ? Bump.MINOR : Bump.PATCH);
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
