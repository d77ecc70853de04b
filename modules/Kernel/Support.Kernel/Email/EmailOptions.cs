namespace Support.Kernel.Email;

/// <summary>How mail leaves the product (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string FromAddress { get; set; } = "support@localhost";

    public string FromName { get; set; } = "Support";

    /// <summary>Where <c>.eml</c> files go when no SMTP host is set; relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a sender's claim on a batch holds. Hosts sharing the database never hand over the same message
    /// while a claim holds; a host that stops mid-batch leaves its messages to the others after this. A batch (up to
    /// 100 messages, each bounded by the SMTP timeout) stops sending once half of it has passed and lets the rest go.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After this many failed attempts a message is marked failed and waits for an admin.</summary>
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>The SMTP relay; mail goes to the pickup folder while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect or StartTls (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
