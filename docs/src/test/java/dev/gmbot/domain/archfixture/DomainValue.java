package dev.gmbot.domain.archfixture;

/** A plain domain class, for the fixtures that must not depend on the domain. */
public record DomainValue(int value) {}
