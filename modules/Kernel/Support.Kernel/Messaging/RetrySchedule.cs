namespace Support.Kernel.Messaging;

/// <summary>Exponential back-off: base × 2^(attempt − 1), capped.</summary>
public static class RetrySchedule
{
    public static TimeSpan DelayAfter(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (failedAttempts <= 0)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
