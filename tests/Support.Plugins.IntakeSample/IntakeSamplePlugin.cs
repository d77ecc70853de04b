using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;

namespace Support.Plugins.IntakeSample;

/// <summary>A channel for the tests: files dropped in a folder become tickets and replies.</summary>
public sealed class IntakeSamplePlugin : IChannelPlugin
{
    public string Id => "IntakeSample";

    public string DisplayName => "Intake sample";

    public string Description => "Opens tickets and adds replies from JSON files dropped in a folder; optionally carries a poller that always fails.";

    public Version RequiredHostVersion => new(1, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration["DropFolder"] ?? throw new InvalidOperationException("Plugins:IntakeSample:DropFolder is not set.");
        services.AddSingleton<IChannelPoller>(provider => new DropFolderPoller(folder, provider.GetRequiredService<IIntakeService>()));
        if (configuration.GetValue("Failing", false))
        {
            services.AddSingleton<IChannelPoller, UnreachablePoller>();
        }
    }
}

/// <summary>
/// Each <c>*.json</c> file of the folder is one message: <c>{"ticketNumber": null or "123456", "email", "name",
/// "subject", "body", "externalId"}</c>. The file is deleted only once the host has answered, and the answer
/// (or the refusal) is written next to it as <c>*.result</c>.
/// </summary>
internal sealed class DropFolderPoller(string folder, IIntakeService intake) : IChannelPoller
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TimeSpan Interval => TimeSpan.FromMilliseconds(200);

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var drop = JsonSerializer.Deserialize<Drop>(await File.ReadAllTextAsync(file, cancellationToken), Json)!;
            string outcome;
            try
            {
                var result = drop.TicketNumber is null
                    ? await intake.OpenTicketAsync(new IntakeTicket("IntakeSample", drop.Email, drop.Name, null, null, drop.Subject, drop.Body, drop.ExternalId, new Dictionary<string, string>()), cancellationToken)
                    : await intake.AppendMessageAsync(new IntakeMessage("IntakeSample", drop.TicketNumber, drop.Email, drop.Body, drop.ExternalId), cancellationToken);
                outcome = $"{result.TicketNumber} {(result.WasDuplicate ? "duplicate" : "new")}";
            }
            catch (IntakeRefusedException refused)
            {
                outcome = $"refused {refused.Reason}: {refused.Message}";
            }

            await File.WriteAllTextAsync(Path.ChangeExtension(file, ".result"), outcome, cancellationToken);
            File.Delete(file);
        }
    }

    private sealed record Drop(string? TicketNumber, string Email, string Name, string Subject, string Body, string ExternalId);
}

/// <summary>A poller whose source is never reachable: the host must report it and carry on.</summary>
internal sealed class UnreachablePoller : IChannelPoller
{
    public TimeSpan Interval => TimeSpan.FromMilliseconds(200);

    public Task PollAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The sample channel's server is unreachable.");
}
