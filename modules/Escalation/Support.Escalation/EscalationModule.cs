using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Escalation.Contracts;
using Support.Escalation.Data;
using Support.Escalation.Features.AgentActions;
using Support.Escalation.Notifications;
using Support.Escalation.Workflow;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;
using Support.Kernel.Web;
using Support.Ticketing.Contracts;
using Support.Workflows.Contracts;

namespace Support.Escalation;

/// <summary>Escalation contacts, customer escalation and reclassification requests, hand-offs to expert teams.</summary>
public sealed class EscalationModule : IModule
{
    public string Name => "Escalation";

    public string TablePrefix => EscalationDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EscalationDbContext>(Name, TablePrefix);
        services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        services.AddScoped<EscalationMail>();
        services.AddScoped<EscalationAcknowledgements>();

        services.AddSingleton(new TicketPagePanel(TicketPage.CustomerView, "CustomerEscalation", 10));
        services.AddSingleton(new TicketPagePanel(TicketPage.StaffTicket, "StaffEscalation", 10));

        services.AddSingleton<IWorkflowActivity, EscalateActivity>();
        services.AddSingleton<IWorkflowActivity, NotifyEscalationContactActivity>();
        services.AddSingleton<IWorkflowActivity, WaitForAcknowledgementActivity>();
        static string Ticket(long id) => id.ToString(CultureInfo.InvariantCulture);
        services.AddSingleton(WorkflowStimulus.For<EscalationRequestedEvent>(
            EscalationActivity.RequestedEvent, "Escalation requested by the customer", e => Ticket(e.TicketId),
            e => new Dictionary<string, object?> { ["ticketId"] = e.TicketId, ["number"] = e.Number, ["escalationId"] = e.EscalationId, ["reason"] = e.Reason },
            "ticketId", "number", "escalationId", "reason").TranslatedBy(typeof(EscalationResource)));
        services.AddSingleton(WorkflowStimulus.For<EscalationAcknowledgedEvent>(
            EscalationActivity.AcknowledgedEvent, "Escalation acknowledged", e => Ticket(e.TicketId),
            e => new Dictionary<string, object?> { ["ticketId"] = e.TicketId, ["number"] = e.Number, ["escalationId"] = e.EscalationId, ["level"] = e.Level, ["acknowledgedBy"] = e.AcknowledgedBy },
            "ticketId", "number", "escalationId", "level", "acknowledgedBy").TranslatedBy(typeof(EscalationResource)));
        services.AddSingleton(WorkflowStimulus.For<TicketHandedOffEvent>(
            "Escalation.TicketHandedOff", "Ticket handed off to an expert team", e => Ticket(e.TicketId),
            e => new Dictionary<string, object?> { ["ticketId"] = e.TicketId, ["number"] = e.Number, ["team"] = e.Team, ["level"] = e.Level },
            "ticketId", "number", "team", "level").TranslatedBy(typeof(EscalationResource)));
        services.AddSingleton(WorkflowStimulus.For<ReclassificationRequestedEvent>(
            "Escalation.ReclassificationRequested", "Reclassification requested by the customer", e => Ticket(e.TicketId),
            e => new Dictionary<string, object?> { ["ticketId"] = e.TicketId, ["number"] = e.Number, ["currentSeverity"] = e.CurrentSeverity, ["wantedSeverity"] = e.WantedSeverity },
            "ticketId", "number", "currentSeverity", "wantedSeverity").TranslatedBy(typeof(EscalationResource)));
        services.AddSingleton(WorkflowStimulus.For<ReclassificationDecidedEvent>(
            "Escalation.ReclassificationDecided", "Reclassification decided", e => Ticket(e.TicketId),
            e => new Dictionary<string, object?> { ["ticketId"] = e.TicketId, ["number"] = e.Number, ["accepted"] = e.Accepted, ["wantedSeverity"] = e.WantedSeverity },
            "ticketId", "number", "accepted", "wantedSeverity").TranslatedBy(typeof(EscalationResource)));
        services.AddHostedService<EscalationWorkflowInstaller>();

        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 32, "/Staff/Reports/Escalations", "Escalation report", "Rapport d'escalade"));
        services.AddSingleton(new NavigationLink(NavigationArea.Admin, 12, "/Staff/Admin/Escalation", "Escalation contacts", "Contacts d'escalade"));
    }
}
