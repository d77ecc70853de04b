using Microsoft.EntityFrameworkCore;

namespace Support.Workflows.Data;

/// <summary>One version of a workflow definition; <see cref="Json"/> holds the Elsa-shaped document.</summary>
internal sealed class WorkflowDefinitionVersion
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>Whether this version has ever been published: such a version is never edited again, a save makes a new one.</summary>
    public bool WasPublished { get; set; }

    public string Json { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A published Event activity with no incoming connection: the stimulus that starts its definition.</summary>
internal sealed class WorkflowTrigger
{
    public long Id { get; set; }

    public string DefinitionId { get; set; } = "";

    public string DefinitionVersionId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string Stimulus { get; set; } = "";
}

/// <summary>Where an instance stands.</summary>
internal enum WorkflowStatus
{
    Running,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

/// <summary>A run of one definition version, correlated (for ticket workflows) with a ticket.</summary>
internal sealed class WorkflowInstance
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string DefinitionId { get; set; } = "";

    public string DefinitionVersionId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? CorrelationId { get; set; }

    public WorkflowStatus Status { get; set; }

    /// <summary>The <see cref="Runtime.InstanceState"/> as JSON: variables, triggering event, joins, pending work.</summary>
    public string State { get; set; } = "{}";

    /// <summary>The activities it waits in (or failed in), comma-separated, for the lists.</summary>
    public string CurrentActivities { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }
}

/// <summary>A wait of a suspended activity: resumed by the stimulus whose name and payload hash match.</summary>
internal sealed class WorkflowBookmark
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string Stimulus { get; set; } = "";

    public string Hash { get; set; } = "";

    public string Payload { get; set; } = "";

    public string? Tag { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A durable timer: when due, a host claims it (lease) and resumes its bookmark.</summary>
internal sealed class WorkflowTimer
{
    public long Id { get; set; }

    public long BookmarkId { get; set; }

    public WorkflowBookmark? Bookmark { get; set; }

    public string InstanceId { get; set; } = "";

    public DateTime DueAtUtc { get; set; }

    /// <summary>The claim of the host firing it; another host may take it over once the lease has run out.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntilUtc { get; set; }
}

/// <summary>A fault of an instance: the activity and the exception's message.</summary>
internal sealed class WorkflowIncident
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string ActivityType { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTime OccurredAtUtc { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }
}

/// <summary>A line of an instance's execution journal.</summary>
internal sealed class WorkflowJournalEntry
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? ActivityId { get; set; }

    public string? ActivityType { get; set; }

    /// <summary>Started, Completed, Suspended, Resumed, Faulted, Finished, Cancelled, Retried.</summary>
    public string Event { get; set; } = "";

    public string? Detail { get; set; }
}

/// <summary>A business calendar stored by admins (the built-in ones are not stored).</summary>
internal sealed class BusinessCalendarRecord
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>A <see cref="Calendars.StoredCalendar"/> as JSON.</summary>
    public string Definition { get; set; } = "{}";
}

internal static class WorkflowModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<WorkflowDefinitionVersion>(e =>
        {
            e.ToTable("workflows_definitions");
            e.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        });
        model.Entity<WorkflowTrigger>(e =>
        {
            e.ToTable("workflows_triggers");
            e.HasIndex(t => t.Stimulus);
            e.HasIndex(t => t.DefinitionId);
        });
        model.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("workflows_instances");
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(i => new { i.DefinitionId, i.CorrelationId }).IsUnique().HasFilter("CorrelationId IS NOT NULL");
            e.HasIndex(i => new { i.Status, i.UpdatedAtUtc });
            e.HasIndex(i => i.UpdatedAtUtc);
        });
        model.Entity<WorkflowBookmark>(e =>
        {
            e.ToTable("workflows_bookmarks");
            e.HasIndex(b => new { b.Stimulus, b.Hash });
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("workflows_timers");
            e.HasIndex(t => t.DueAtUtc);
            e.HasIndex(t => t.LeaseOwner);
            e.HasIndex(t => t.LeaseUntilUtc);
            e.HasOne(t => t.Bookmark).WithMany().HasForeignKey(t => t.BookmarkId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<WorkflowIncident>(e =>
        {
            e.ToTable("workflows_incidents");
            e.HasIndex(i => i.InstanceId);
        });
        model.Entity<WorkflowJournalEntry>(e =>
        {
            e.ToTable("workflows_journal");
            e.HasIndex(j => j.InstanceId);
        });
        model.Entity<BusinessCalendarRecord>(e =>
        {
            e.ToTable("workflows_business_calendars");
            e.HasIndex(c => c.Name).IsUnique();
        });
    }
}
