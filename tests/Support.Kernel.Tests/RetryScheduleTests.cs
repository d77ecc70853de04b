using Support.Kernel.Messaging;

namespace Support.Kernel.Tests;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    public void Delay_doubles_with_each_failed_attempt(int failedAttempts, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetrySchedule.DelayAfter(failedAttempts, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)));

    [Fact]
    public void Delay_never_exceeds_the_cap_even_after_many_attempts()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), RetrySchedule.DelayAfter(12, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15)));
        Assert.Equal(TimeSpan.FromMinutes(15), RetrySchedule.DelayAfter(int.MaxValue, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void No_failure_means_no_delay() =>
        Assert.Equal(TimeSpan.Zero, RetrySchedule.DelayAfter(0, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15)));
}
