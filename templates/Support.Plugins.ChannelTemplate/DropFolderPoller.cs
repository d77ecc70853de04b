using System.Text.Json;
using Support.Plugins.Abstractions;

namespace Support.Plugins.ChannelTemplate;

/// <summary>What the poller did since start-up, for the staff page.</summary>
public sealed class SampleChannelStatus
{
    private int _opened;
    private int _refused;

    public int Opened => _opened;

    public int Refused => _refused;

    public DateTime? LastPollUtc { get; set; }

    public void CountOpened() => Interlocked.Increment(ref _opened);

    public void CountRefused() => Interlocked.Increment(ref _refused);
}

/// <summary>
/// Each <c>*.json</c> file of the drop folder is one customer message:
/// <c>{"id": "...", "email": "...", "name": "...", "subject": "...", "body": "&lt;p&gt;...&lt;/p&gt;"}</c>.
/// A file is moved to <c>done/</c> (or <c>refused/</c>) only after the host answered, so a host stopped mid-poll
/// leaves it for the next poll, and its id makes the second delivery a duplicate rather than a second ticket.
/// </summary>
internal sealed class DropFolderPoller(SampleChannelSettings settings, SampleChannelStatus status, IIntakeService intake, TimeProvider clock) : IChannelPoller
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TimeSpan Interval => settings.Interval;

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        if (settings.DropFolder is not { } folder)
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var message = JsonSerializer.Deserialize<DroppedMessage>(await File.ReadAllTextAsync(file, cancellationToken), Json);
            var outcome = "done";
            try
            {
                await intake.OpenTicketAsync(
                    new IntakeTicket("SampleChannel", message?.Email ?? "", message?.Name ?? "", null, null, message?.Subject ?? "", message?.Body ?? "", message?.Id ?? Path.GetFileName(file), new Dictionary<string, string>()),
                    cancellationToken);
                status.CountOpened();
            }
            catch (IntakeRefusedException)
            {
                // The host stored nothing: keep the file aside for someone to look at, and go on.
                outcome = "refused";
                status.CountRefused();
            }

            var target = Directory.CreateDirectory(Path.Combine(folder, outcome)).FullName;
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        status.LastPollUtc = clock.GetUtcNow().UtcDateTime;
    }

    private sealed record DroppedMessage(string? Id, string? Email, string? Name, string? Subject, string? Body);
}
