using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Support.IntegrationTests.Probe;
using Support.Kernel.Persistence;
using Support.Testing;

namespace Support.IntegrationTests;

/// <summary>The write-ahead log is copied back to the database file by <see cref="WalCheckpointer"/>, outside the write lock.</summary>
public sealed class WalCheckpointTests
{
    private static SupportHostFactory Host() => ProbeModule.QuietHost("wal-checkpoint");

    private static async Task CommitAsync(SupportHostFactory host, string note)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        db.Records.Add(new ProbeRecord { Id = Guid.NewGuid(), Note = note });
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_writers_leave_checkpoints_to_the_checkpointer()
    {
        await using var host = Host();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await work.BeginAsync(CancellationToken.None);

        // On the writers' connection, a commit never copies the log itself.
        Assert.Equal(0, (await db.Database.SqlQueryRaw<int>("PRAGMA wal_autocheckpoint").ToListAsync()).Single());
        await work.DiscardAsync();
    }

    [Fact]
    public async Task The_log_is_copied_back_while_units_commit_and_is_used_again_from_its_beginning()
    {
        await using var host = Host();
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        var group = host.Services.GetRequiredService<WriteGroup>();
        var checkpointer = host.Services.GetServices<IHostedService>().OfType<WalCheckpointer>().Single();
        var text = new string('x', 64 * 1024);
        long largest = 0;
        for (var round = 0; round < 8; round++)
        {
            // A mebibyte per round, eight in all.
            for (var i = 0; i < 16; i++)
            {
                await CommitAsync(host, $"{round}-{i}-{text}");
            }

            for (var wait = 0; wait < 500 && checkpointer.CheckpointedCommits < group.Commits; wait++)
            {
                await Task.Delay(20);
            }

            Assert.Equal(group.Commits, checkpointer.CheckpointedCommits);
            largest = Math.Max(largest, new FileInfo(database.FilePath + "-wal").Length);
        }

        Assert.InRange(largest, 1, 3 * 1024 * 1024);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(8 * 16, await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Records.CountAsync());
    }
}
