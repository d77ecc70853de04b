using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.IntegrationTests.Probe;
using Support.Kernel.Persistence;
using Support.Testing;

namespace Support.IntegrationTests;

/// <summary>Group commit (<see cref="WriteGroup"/>): units of work that queue for the write lock are committed together.</summary>
public sealed class WriteGroupTests
{
    private static SupportHostFactory Host() => ProbeModule.QuietHost("write-group");

    /// <summary>A unit of work in its own scope, begun (so holding or waiting for its turn) and with one record staged.</summary>
    private sealed class Unit : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;

        private Unit(AsyncServiceScope scope) => _scope = scope;

        public UnitOfWork Work => _scope.ServiceProvider.GetRequiredService<UnitOfWork>();

        public ProbeDbContext Db => _scope.ServiceProvider.GetRequiredService<ProbeDbContext>();

        public static async Task<Unit> BeginAsync(SupportHostFactory host, string note, Guid? id = null, bool save = true)
        {
            var unit = new Unit(host.Services.CreateAsyncScope());
            _ = unit.Db; // enlisted before the transaction begins, as a handler's context is
            await unit.Work.BeginAsync(CancellationToken.None);
            if (save)
            {
                unit.Db.Records.Add(new ProbeRecord { Id = id ?? Guid.NewGuid(), Note = note });
                await unit.Db.SaveChangesAsync();
            }

            return unit;
        }

        public ValueTask DisposeAsync() => _scope.DisposeAsync();
    }

    private static async Task<List<string>> CommittedNotesAsync(SupportHostFactory host)
    {
        // A connection of its own sees only what is committed.
        await using var connection = new SqliteConnection(host.Services.GetRequiredService<SqliteDatabase>().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Note FROM {ProbeDbContext.Prefix}_probe_record ORDER BY Note";
        var notes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    private static async Task WaitForQueueAsync(SupportHostFactory host, int writers)
    {
        var gate = host.Services.GetRequiredService<SqliteWriteGate>();
        for (var i = 0; i < 500 && gate.Queued < writers; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(writers, gate.Queued);
    }

    [Fact]
    public async Task Queued_units_are_committed_together_and_a_failed_one_takes_only_its_own_work_back()
    {
        await using var host = Host();
        await using var first = await Unit.BeginAsync(host, "first");

        // Two more units queue for the lock while the first holds it; the third will fail.
        var second = Task.Run(async () =>
        {
            await using var unit = await Unit.BeginAsync(host, "second");
            await unit.Work.CommitAsync(CancellationToken.None);
        });
        await WaitForQueueAsync(host, 1);
        var third = Task.Run(async () =>
        {
            await using var unit = await Unit.BeginAsync(host, "third");
            throw new InvalidOperationException("The third handler failed after saving.");
        });
        await WaitForQueueAsync(host, 2);

        // The first unit passes the open transaction on: nothing is committed, and it is not told so, until the group is.
        var firstCommitted = first.Work.CommitAsync(CancellationToken.None);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<InvalidOperationException>(() => third.WaitAsync(TimeSpan.FromSeconds(10)));
        await firstCommitted.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["first", "second"], await CommittedNotesAsync(host));
    }

    [Fact]
    public async Task A_unit_is_acknowledged_only_once_the_group_it_joined_is_committed()
    {
        await using var host = Host();
        await using var first = await Unit.BeginAsync(host, "first");
        var pending = Task.Run(() => Unit.BeginAsync(host, "second"));
        await WaitForQueueAsync(host, 1);

        var firstCommitted = first.Work.CommitAsync(CancellationToken.None);
        await using var second = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        // The group's transaction is the second unit's now, with the first unit's work in it.
        Assert.False(firstCommitted.IsCompleted);
        Assert.Empty(await CommittedNotesAsync(host));
        Assert.Equal(["first", "second"], await second.Db.Records.Select(r => r.Note).OrderBy(n => n).ToListAsync());

        await second.Work.CommitAsync(CancellationToken.None);
        await firstCommitted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["first", "second"], await CommittedNotesAsync(host));
    }

    [Fact]
    public async Task A_writer_outside_any_unit_waits_for_the_group_to_be_committed_first()
    {
        await using var host = Host();
        await using var first = await Unit.BeginAsync(host, "first");

        // A plain SaveChanges (no unit transaction) queues, then a unit queues behind it.
        var plain = Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            db.Records.Add(new ProbeRecord { Id = Guid.NewGuid(), Note = "plain" });
            await db.SaveChangesAsync();
        });
        await WaitForQueueAsync(host, 1);
        var later = Task.Run(async () =>
        {
            await using var unit = await Unit.BeginAsync(host, "later");
            await unit.Work.CommitAsync(CancellationToken.None);
        });
        await WaitForQueueAsync(host, 2);

        await first.Work.CommitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(plain, later).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["first", "later", "plain"], await CommittedNotesAsync(host));
    }
    [Fact]
    public async Task The_writers_connection_compiles_each_statement_once_for_every_unit_that_runs_it()
    {
        await using var host = Host();
        var group = host.Services.GetRequiredService<WriteGroup>();
        await using (var unit = await Unit.BeginAsync(host, "unit 0"))
        {
            await unit.Work.CommitAsync(CancellationToken.None);
        }

        var kept = group.KeptStatements;
        for (var i = 1; i < 5; i++)
        {
            await using var unit = await Unit.BeginAsync(host, $"unit {i}");
            await unit.Work.CommitAsync(CancellationToken.None);
        }

        // The savepoint, its release and the insert: the same statements, run five times.
        Assert.InRange(kept, 3, 10);
        Assert.Equal(kept, group.KeptStatements);
        Assert.Equal(["unit 0", "unit 1", "unit 2", "unit 3", "unit 4"], await CommittedNotesAsync(host));
    }

    [Fact]
    public async Task A_kept_statement_that_failed_runs_again_for_the_next_unit()
    {
        await using var host = Host();
        var id = Guid.NewGuid();
        await using (var first = await Unit.BeginAsync(host, "first", id))
        {
            await first.Work.CommitAsync(CancellationToken.None);
        }

        // The same insert with a key already taken fails; the unit starts again with another key.
        await using (var second = await Unit.BeginAsync(host, "second", save: false))
        {
            second.Db.Records.Add(new ProbeRecord { Id = id, Note = "duplicate" });
            await Assert.ThrowsAsync<DbUpdateException>(() => second.Db.SaveChangesAsync());
            await second.Work.DiscardAsync();
            await second.Work.BeginAsync(CancellationToken.None);
            second.Db.Records.Add(new ProbeRecord { Id = Guid.NewGuid(), Note = "second" });
            await second.Work.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(["first", "second"], await CommittedNotesAsync(host));
    }

    [Fact]
    public async Task A_statement_still_reading_is_not_given_to_a_second_command()
    {
        await using var host = Host();
        await using var unit = await Unit.BeginAsync(host, "a");
        unit.Db.Records.Add(new ProbeRecord { Id = Guid.NewGuid(), Note = "b" });
        await unit.Db.SaveChangesAsync();

        // The same query while its first reader is open: the second runs on a statement of its own.
        var pairs = new List<string>();
        await foreach (var outer in unit.Db.Records.AsNoTracking().OrderBy(r => r.Note).AsAsyncEnumerable())
        {
            foreach (var inner in await unit.Db.Records.AsNoTracking().OrderBy(r => r.Note).ToListAsync())
            {
                pairs.Add(outer.Note + inner.Note);
            }
        }

        await unit.Work.CommitAsync(CancellationToken.None);
        Assert.Equal(["aa", "ab", "ba", "bb"], pairs);
        Assert.Equal(["a", "b"], await CommittedNotesAsync(host));
    }

    [Fact]
    public async Task The_kept_statements_start_again_when_there_are_too_many()
    {
        await using var host = Host();
        var group = host.Services.GetRequiredService<WriteGroup>();
        await using var unit = await Unit.BeginAsync(host, "start");

        // SQL texts that differ by a value written into them, as a list of ids spelled out would.
        for (var i = 0; i < WriterStatements.Capacity + 10; i++)
        {
            var note = $"n{i}";
            Assert.Equal(0, await unit.Db.Records.Where(r => r.Note == EF.Constant(note)).CountAsync());
        }

        Assert.InRange(group.KeptStatements, 1, WriterStatements.Capacity);
        await unit.Work.CommitAsync(CancellationToken.None);
        Assert.Equal(["start"], await CommittedNotesAsync(host));
    }
}
