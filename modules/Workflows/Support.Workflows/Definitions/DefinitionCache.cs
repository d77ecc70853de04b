using System.Collections.Concurrent;
using Support.Workflows.Data;

namespace Support.Workflows.Definitions;

/// <summary>
/// Parsed definition versions that instances run on. Instances only run on versions that were published,
/// and such a version is never edited again, so an entry never goes stale.
/// </summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<string, (WorkflowDefinitionVersion Version, WorkflowDefinitionDocument Document)> _versions = new();

    public WorkflowDefinitionVersion? Find(string versionId) => _versions.TryGetValue(versionId, out var entry) ? entry.Version : null;

    public WorkflowDefinitionDocument Get(WorkflowDefinitionVersion version)
    {
        if (!version.WasPublished)
        {
            return WorkflowDefinitionDocument.Parse(version.Json);
        }

        return _versions.GetOrAdd(version.Id, _ => (version, WorkflowDefinitionDocument.Parse(version.Json))).Document;
    }
}
