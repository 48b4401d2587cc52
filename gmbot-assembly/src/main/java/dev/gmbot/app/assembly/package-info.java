/**
 * What both deployables assemble the same way, so that the server and the Lambda function read the
 * same variables with the same meaning and build the same guard (ADR 0074):
 *
 * <ul>
 *   <li>{@link dev.gmbot.app.assembly.SharedSettings}: every variable both read, through the one
 *       {@link dev.gmbot.port.config.ConfigReader}, into the adapters' configurations and the
 *       guard's tunables;
 *   <li>{@link dev.gmbot.app.assembly.GuardSettings}: the domain's settings ({@code
 *       VerificationSettings}, {@code ProtectionSettings}, {@code SchedulerConfig});
 *   <li>{@link dev.gmbot.app.assembly.Defaults}: what a deployable may change, as named overrides
 *       (Lambda: no flood retries, small pools, an in-memory H2 database);
 *   <li>{@link dev.gmbot.app.assembly.GuardAssembly}: the guard, its scheduler and the shared state
 *       built from the adapters.
 * </ul>
 *
 * Plain Java without a framework: each app's Dagger module calls these methods.
 */
package dev.gmbot.app.assembly;
