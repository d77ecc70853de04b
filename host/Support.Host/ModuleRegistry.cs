using Support.Escalation;
using Support.Incidents;
using Support.Kernel.Modules;
using Support.KnowledgeBase;
using Support.Ticketing;
using Support.Workflows;

namespace Support.Host;

/// <summary>The modules this host ships, in start-up order. Each can be switched off with <c>Modules:&lt;Name&gt;:Enabled</c>.</summary>
internal static class ModuleRegistry
{
    public static IEnumerable<IModule> Shipped() =>
    [
        new WorkflowsModule(),
        new TicketingModule(),
        new KnowledgeBaseModule(),
        new EscalationModule(),
        new IncidentsModule(),
    ];
}
