package dev.gmbot.domain.scheduling.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SchedulerBenchmark} with 1, 8 and 64 threads; short runs (1 warm-up and 3 measurement
 * iterations of 1 s, one fork) because the build machine is small and shared. Pass {@code long} as
 * the first argument for 3 warm-ups, 5 iterations of 2 s and two forks.
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) throws RunnerException {
    boolean longRun = args.length > 0 && args[0].equals("long");
    for (int threads : new int[] {1, 8, 64}) {
      Options options =
          new OptionsBuilder()
              .include(SchedulerBenchmark.class.getName())
              .threads(threads)
              .forks(longRun ? 2 : 1)
              .warmupIterations(longRun ? 3 : 1)
              .warmupTime(TimeValue.seconds(1))
              .measurementIterations(longRun ? 5 : 3)
              .measurementTime(TimeValue.seconds(longRun ? 2 : 1))
              .jvmArgsAppend("-Xmx512m")
              .build();
      new Runner(options).run();
    }
  }
}
