using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Support.Plugins.SdkSample.Pages;

/// <summary>An admin-only page: the host lets only admins reach the plugin's Admin folder.</summary>
public sealed class SampleAdminModel(SampleConfiguration sample) : PageModel
{
    public string Greeting { get; private set; } = "";

    public void OnGet()
    {
        if (sample.Failing.Contains("page"))
        {
            throw new InvalidOperationException("The sample page failed.");
        }

        Greeting = sample.Configuration["Greeting"] ?? "(no greeting)";
    }
}
