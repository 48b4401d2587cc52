/** Network faults for fault tests: a loopback TCP proxy a test can cut, freeze and restore. */
package dev.gmbot.testkit.net;
