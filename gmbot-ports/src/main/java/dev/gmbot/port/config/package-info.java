/**
 * Configuration read from environment variables, the same way by every module: one {@link
 * dev.gmbot.port.config.ConfigReader} parses each variable (numbers, flags, durations, URLs), and
 * one {@link dev.gmbot.port.config.ConfigurationException} names the variable at fault. JDK only,
 * so that every adapter and both deployables can build their settings from it (ADR 0074).
 */
package dev.gmbot.port.config;
