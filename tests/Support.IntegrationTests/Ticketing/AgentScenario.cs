using System.Net;
using Support.Testing;

namespace Support.IntegrationTests.Ticketing;

/// <summary>What the agent tests do on the ticket page.</summary>
internal static class AgentScenario
{
    public static async Task ReplyAsync(StaffSession agent, string number, string body, bool internalNote = false, string? thenStatus = null, params (string, string, byte[])[] files)
    {
        var fields = new Dictionary<string, string>
        {
            ["Reply.Body"] = body,
            ["Reply.InternalNote"] = internalNote ? "true" : "false",
            ["Reply.ThenStatus"] = thenStatus ?? "",
        };
        var response = await agent.SubmitMultipartAsync($"/Staff/Tickets/{number}", fields, files, $"/Staff/Tickets/{number}?handler=Reply");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The reply was refused: {(int)response.StatusCode} " + TicketingScenario.Text(await response.Content.ReadAsStringAsync()));
        }
    }

    public static async Task<HttpResponseMessage> UpdateAsync(StaffSession agent, string number, Dictionary<string, string> properties) =>
        await agent.SubmitAsync($"/Staff/Tickets/{number}", properties.ToDictionary(p => "Properties." + p.Key, p => p.Value), $"/Staff/Tickets/{number}?handler=Properties");
}
