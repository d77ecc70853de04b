using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Persistence;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests;

public sealed class SqliteStatisticsTests
{
    [Fact]
    public async Task Refreshing_the_statistics_gives_the_planner_the_ticket_indexes_sizes()
    {
        await using var host = new SupportHostFactory();
        await OpenTicketAsync(host);
        await OpenTicketAsync(host, f => f["Input.Email"] = "paul.martin@acme.test");

        await host.Services.GetRequiredService<SqliteStatistics>().RefreshAsync(CancellationToken.None);

        var statistics = await StatisticsAsync(host);
        Assert.Contains("ticketing_ticket IX_ticketing_ticket_Status_UpdatedAtUtc_Id", statistics);
        Assert.Contains("ticketing_ticket IX_ticketing_ticket_Number", statistics);
    }

    /// <summary>The rows of <c>sqlite_stat1</c> as "table index", or none when ANALYZE never ran.</summary>
    private static async Task<List<string>> StatisticsAsync(SupportHostFactory host)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        if ((long)(await exists.ExecuteScalarAsync())! == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tbl || ' ' || idx FROM sqlite_stat1 WHERE idx IS NOT NULL";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
