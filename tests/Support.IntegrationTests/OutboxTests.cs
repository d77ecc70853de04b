using FluentValidation;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.IntegrationTests.Probe;
using Support.Kernel.Persistence;
using Support.Testing;

namespace Support.IntegrationTests;

public sealed class OutboxTests
{
    private static SupportHostFactory Host(string dataFolder, bool dispatch) =>
        new SupportHostFactory(dataFolder, new Dictionary<string, string?>
        {
            ["Outbox:DispatchEnabled"] = dispatch ? "true" : "false",
            ["Outbox:RetryBaseDelay"] = "00:00:00.300",
        }).WithServices(ProbeModule.AddTo);

    private static async Task<Guid> SendAsync(SupportHostFactory host, RecordProbe command)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private static async Task<T> QueryAsync<T>(SupportHostFactory host, Func<ProbeDbContext, Task<T>> query)
    {
        using var scope = host.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    [Fact]
    public async Task Event_saved_before_a_crash_is_handled_exactly_once_by_the_next_host()
    {
        var dataFolder = SupportHostFactory.CreateTemporaryFolder("outbox");

        // The first host commits the change and its event, then stops before any dispatch.
        await using (var crashed = Host(dataFolder, dispatch: false))
        {
            await SendAsync(crashed, new RecordProbe("saved before the crash"));
            var pending = await QueryAsync(crashed, db => db.OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null));
            Assert.Equal(1, pending);
            Assert.Equal(0, await QueryAsync(crashed, db => db.Deliveries.CountAsync()));
        }

        // A new host on the same database finds the event and delivers it.
        await using var restarted = Host(dataFolder, dispatch: true);
        await Eventually.WaitForAsync(
            () => QueryAsync(restarted, db => db.OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null)),
            pending => pending == 0,
            "the outbox to be dispatched");

        var deliveries = await QueryAsync(restarted, db => db.Deliveries.ToListAsync());
        var delivery = Assert.Single(deliveries);
        Assert.Equal("saved before the crash", delivery.Note);
        Assert.Equal(["Probe recorded: saved before the crash"], await EmailSubjectsAsync(restarted));
    }

    [Fact]
    public async Task Events_about_different_things_are_handled_at_the_same_time_and_those_about_one_thing_in_their_order()
    {
        var dataFolder = SupportHostFactory.CreateTemporaryFolder("outbox");
        var group = Guid.NewGuid().ToString("N");

        // Raised while nothing dispatches, so that the next host finds them all in one batch.
        await using (var first = Host(dataFolder, dispatch: false))
        {
            for (var i = 0; i < 6; i++)
            {
                await SendAsync(first, new RecordProbe($"ticket A, step {i}", Key: "a-" + group));
                await SendAsync(first, new RecordProbe($"ticket B, step {i}", Key: "b-" + group));
            }

            // Two events about different things that can only finish if they are handled at the same time.
            await SendAsync(first, new RecordProbe($"meet:{group}:c", Key: "c-" + group));
            await SendAsync(first, new RecordProbe($"meet:{group}:d", Key: "d-" + group));
        }

        await using var host = Host(dataFolder, dispatch: true);
        await Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null)),
            pending => pending == 0,
            "the outbox to be dispatched",
            TimeSpan.FromSeconds(60));

        var notes = await QueryAsync(host, db => db.Deliveries.OrderBy(d => d.Id).Select(d => d.Note).ToListAsync());
        Assert.Equal([.. Enumerable.Range(0, 6).Select(i => $"ticket A, step {i}")], notes.Where(n => n.StartsWith("ticket A", StringComparison.Ordinal)));
        Assert.Equal([.. Enumerable.Range(0, 6).Select(i => $"ticket B, step {i}")], notes.Where(n => n.StartsWith("ticket B", StringComparison.Ordinal)));
        Assert.Equal([$"meet:{group}:c met", $"meet:{group}:d met"], notes.Where(n => n.StartsWith("meet:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    private static async Task RaiseWhileNothingDispatchesAsync(string dataFolder, params string[] notes)
    {
        await using var first = Host(dataFolder, dispatch: false);
        foreach (var note in notes)
        {
            await SendAsync(first, new RecordProbe(note, Key: note, Batched: true));
        }
    }

    private static Task WaitForDispatchAsync(SupportHostFactory host) =>
        Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null)),
            pending => pending == 0,
            "the outbox to be dispatched");

    private static Task<List<string>> DeliveryNotesAsync(SupportHostFactory host) =>
        QueryAsync(host, db => db.Deliveries.OrderBy(d => d.Id).Select(d => d.Note).ToListAsync());

    [Fact]
    public async Task Events_found_together_go_to_their_batch_handler_at_once_in_their_order_and_a_redelivery_changes_nothing()
    {
        var dataFolder = SupportHostFactory.CreateTemporaryFolder("outbox");
        await RaiseWhileNothingDispatchesAsync(dataFolder, "first", "ignored", "second", "third", "fourth");

        await using var host = Host(dataFolder, dispatch: true);
        await WaitForDispatchAsync(host);

        // One unit of work for the four that concern the handler, in the order they were raised; none for the ignored one.
        var notes = await DeliveryNotesAsync(host);
        Assert.Equal(["first", "second", "third", "fourth"], notes.Select(n => n[..n.IndexOf(" (", StringComparison.Ordinal)]));
        var unit = Assert.Single(notes.Select(n => n[(n.IndexOf(" (", StringComparison.Ordinal) + 2)..^1]).Distinct());
        Assert.StartsWith("batch ", unit, StringComparison.Ordinal);
        Assert.Equal(4, await QueryAsync(host, db => db.InboxMessages.CountAsync()));

        // As after a crash between the handlers' commit and the messages' update: the inbox skips them all.
        await using (var connection = new SqliteConnection($"Data Source={host.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE probe_outbox_messages SET ProcessedAtUtc = NULL";
            await command.ExecuteNonQueryAsync();
        }

        await WaitForDispatchAsync(host);
        Assert.Equal(notes, await DeliveryNotesAsync(host));
        Assert.Equal(4, await QueryAsync(host, db => db.InboxMessages.CountAsync()));
    }

    [Fact]
    public async Task An_event_that_fails_its_batch_is_retried_alone_and_the_others_are_handled_once()
    {
        var dataFolder = SupportHostFactory.CreateTemporaryFolder("outbox");
        await RaiseWhileNothingDispatchesAsync(dataFolder, "before", "poison", "after");

        await using var host = Host(dataFolder, dispatch: true);
        await WaitForDispatchAsync(host);

        // The batch committed nothing; each event then went to its own handler, and the failing one was retried later.
        Assert.Contains(host.Logs, line => line.Contains("Batch handler ProbeTalliedBatchHandler failed for 3 events", StringComparison.Ordinal));
        Assert.Equal(["after (alone)", "before (alone)", "poison (alone)"], (await DeliveryNotesAsync(host)).Order(StringComparer.Ordinal));
        var messages = await QueryAsync(host, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(messages, m => Assert.Null(m.LastError));
        Assert.Equal([0, 0, 1], messages.Select(m => m.Attempts).Order());
        Assert.Equal(3, await QueryAsync(host, db => db.InboxMessages.CountAsync()));
    }

    private static async Task<List<string>> EmailSubjectsAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KernelDbContext>().EmailMessages.Select(m => m.Subject).ToListAsync();
    }

    [Fact]
    public async Task Redelivered_event_does_not_run_its_handler_twice()
    {
        var dataFolder = SupportHostFactory.CreateTemporaryFolder("outbox");
        await using var host = Host(dataFolder, dispatch: true);
        await SendAsync(host, new RecordProbe("delivered twice"));
        await Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.Deliveries.CountAsync()), count => count == 1, "the first delivery");

        // A crash after the handler committed but before the message was marked processed.
        await using (var connection = new SqliteConnection($"Data Source={host.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE probe_outbox_messages SET ProcessedAtUtc = NULL";
            await command.ExecuteNonQueryAsync();
        }

        await Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null)),
            pending => pending == 0,
            "the redelivery");
        Assert.Equal(1, await QueryAsync(host, db => db.Deliveries.CountAsync()));
        Assert.Equal(1, await QueryAsync(host, db => db.InboxMessages.CountAsync()));
        Assert.Single(await EmailSubjectsAsync(host));
    }

    [Fact]
    public async Task Failed_handler_is_retried_after_a_delay_and_its_error_is_kept_until_it_succeeds()
    {
        await using var host = Host(SupportHostFactory.CreateTemporaryFolder("outbox"), dispatch: true);
        await SendAsync(host, new RecordProbe("flaky dependency"));

        var failed = await Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.OutboxMessages.AsNoTracking().SingleAsync()), m => m.Attempts == 1, "the first failed attempt");
        Assert.Contains("The probe's dependency is down.", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.ProcessedAtUtc);
        Assert.True(failed.NextAttemptAtUtc > failed.OccurredAtUtc);

        var processed = await Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.OutboxMessages.AsNoTracking().SingleAsync()), m => m.ProcessedAtUtc is not null, "the retry");
        Assert.Null(processed.LastError);
        Assert.Equal(1, await QueryAsync(host, db => db.Deliveries.CountAsync()));
    }

    [Fact]
    public async Task Invalid_command_is_refused_with_its_message_and_changes_nothing()
    {
        await using var host = Host(SupportHostFactory.CreateTemporaryFolder("outbox"), dispatch: false);

        var error = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(host, new RecordProbe("")));

        Assert.Contains("A probe needs a note.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(host, db => db.Records.CountAsync()));
        Assert.Equal(0, await QueryAsync(host, db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Failing_handler_saves_neither_its_change_nor_its_event()
    {
        await using var host = Host(SupportHostFactory.CreateTemporaryFolder("outbox"), dispatch: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(host, new RecordProbe("half done", FailAfterSaving: true)));

        Assert.Contains(host.Logs, line => line.Contains("RecordProbe failed after", StringComparison.Ordinal));

        Assert.Equal(0, await QueryAsync(host, db => db.Records.CountAsync()));
        Assert.Equal(0, await QueryAsync(host, db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Change_and_its_event_commit_together()
    {
        await using var host = Host(SupportHostFactory.CreateTemporaryFolder("outbox"), dispatch: false);

        var id = await SendAsync(host, new RecordProbe("together"));

        Assert.True(await QueryAsync(host, db => db.Records.AnyAsync(r => r.Id == id)));
        var message = Assert.Single(await QueryAsync(host, db => db.OutboxMessages.ToListAsync()));
        Assert.Contains("ProbeRecorded", message.Type, StringComparison.Ordinal);
        Assert.Contains("together", message.Content, StringComparison.Ordinal);
    }
}
