using Support.Kernel.Email;

namespace Support.Kernel.Tests;

public sealed class EmailMessageTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static EmailMessage Queued() =>
        new(new OutgoingEmail("customer@example.test", "Customer", "You have just opened a ticket [#983177]", "Body", null, "ticket-opened"), Now);

    [Fact]
    public void Failed_attempt_keeps_the_message_queued_for_a_later_retry()
    {
        var message = Queued();

        message.MarkAttemptFailed("Connection refused", Now, TimeSpan.FromSeconds(30), maxAttempts: 3);

        Assert.Equal(EmailStatus.Queued, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("Connection refused", message.LastError);
        Assert.Equal(Now.AddSeconds(30), message.NextAttemptAtUtc);
    }

    [Fact]
    public void Message_is_marked_failed_after_the_last_allowed_attempt_and_an_admin_can_requeue_it()
    {
        var message = Queued();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            message.MarkAttemptFailed("Mailbox unavailable", Now, TimeSpan.FromSeconds(30), maxAttempts: 3);
        }

        Assert.Equal(EmailStatus.Failed, message.Status);

        message.Requeue(Now.AddHours(1));
        Assert.Equal(EmailStatus.Queued, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(Now.AddHours(1), message.NextAttemptAtUtc);
    }

    [Fact]
    public void Sent_message_records_when_and_clears_the_last_error()
    {
        var message = Queued();
        message.MarkAttemptFailed("Timeout", Now, TimeSpan.FromSeconds(30), maxAttempts: 3);

        message.MarkSent(Now.AddMinutes(1));

        Assert.Equal(EmailStatus.Sent, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.LastError);
        Assert.Equal(Now.AddMinutes(1), message.SentAtUtc);
    }

    [Fact]
    public void Requeue_leaves_a_message_that_has_not_failed_alone()
    {
        var message = Queued();
        message.MarkSent(Now);

        message.Requeue(Now.AddHours(1));

        Assert.Equal(EmailStatus.Sent, message.Status);
    }

    [Fact]
    public void Each_message_gets_its_own_message_id() =>
        Assert.NotEqual(Queued().MessageId, Queued().MessageId);

    [Fact]
    public void Attachments_are_kept_with_the_message_under_their_file_name_only()
    {
        var message = new EmailMessage(
            new OutgoingEmail("customer@example.test", null, "RCA report", "Attached.", null, "rca-report", [new OutgoingAttachment("../reports/RCA-INC-0001.pdf", "application/pdf", [1, 2, 3])]),
            Now);

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("RCA-INC-0001.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(3, attachment.Size);
    }

    [Fact]
    public void Attachments_heavier_than_the_limit_are_refused()
    {
        var big = new OutgoingAttachment("big.pdf", "application/pdf", new byte[EmailMessage.MaxAttachmentBytes + 1]);

        Assert.Throws<ArgumentException>(() => new EmailMessage(new OutgoingEmail("customer@example.test", null, "Too big", "Body", null, "test", [big]), Now));
    }
}
