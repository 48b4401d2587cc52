/**
 * GMBot's domain behind one entry point, {@link dev.gmbot.domain.Guard}: build it with {@link
 * dev.gmbot.domain.Guard#builder()}, feed it inbound events, get decisions or effects back. See
 * {@code docs/embedding.md}.
 */
package dev.gmbot.domain;
