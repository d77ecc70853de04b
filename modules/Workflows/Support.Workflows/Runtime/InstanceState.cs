using System.Text.Json;
using System.Text.Json.Nodes;

namespace Support.Workflows.Runtime;

/// <summary>What an instance carries between runs, stored as JSON on its row.</summary>
internal sealed class InstanceState
{
    public JsonObject Variables { get; set; } = [];

    /// <summary>The payload of the stimulus that started or last resumed the instance (<c>event</c> in expressions).</summary>
    public JsonObject? Event { get; set; }

    /// <summary>Per Join activity, the connections that have arrived since it last completed.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = [];

    /// <summary>Work not yet done when the instance faulted: retrying runs it again.</summary>
    public List<PendingWork> Pending { get; set; } = [];

    public static InstanceState Parse(string json) => JsonSerializer.Deserialize<InstanceState>(json, JsonSerializerOptions.Web) ?? new();

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}

/// <summary>An activity scheduled to run, with the connection that led to it.</summary>
internal sealed record PendingWork(string ActivityId, string? Via);
