using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using Microsoft.Playwright;

namespace AssistanceApi.Tests.Browser;

/// <summary>
/// Swagger UI as an integrator first meets it, in a real browser: authorise with a demo key through the Authorize
/// dialog, draft a request with the documented example (201, the new request in the response panel), then submit a
/// draft that is not complete yet and read the treaty findings of the 422. A screenshot of each step is saved under
/// the test's output folder (screenshots/swagger-ui/).
/// </summary>
public sealed class SwaggerUiTests
{
    private const string DocumentPath = "/swagger/v1/swagger.json";

    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "swagger-ui");

    /// <summary>The README's first step: only kind and requestedState (and the language), so submission finds what is missing.</summary>
    private const string IncompleteDraft = """{"kind":"mutual-legal-assistance","requestedState":"DEU","language":"en"}""";

    [BrowserFact]
    public async Task An_integrator_authorises_drafts_with_the_documented_example_and_reads_the_findings_of_a_422()
    {
        if (Directory.Exists(Screenshots)) Directory.Delete(Screenshots, recursive: true);
        Directory.CreateDirectory(Screenshots);
        await using var api = KestrelApi.Start();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);

        try
        {
            await WalkThroughAsync(page, KestrelApi.Address(api));
        }
        catch
        {
            // What the browser showed when it went wrong, and the page's markup, beside the steps' screenshots.
            await Shot(page, "failure");
            await File.WriteAllTextAsync(Path.Combine(Screenshots, "failure.html"), await page.ContentAsync());
            throw;
        }
        Assert.Equal(4, Directory.GetFiles(Screenshots, "?-*.png").Length);
    }

    private static async Task WalkThroughAsync(IPage page, Uri api)
    {
        await page.GotoAsync(new Uri(api, "/swagger").ToString());
        await page.Locator(".swagger-ui .information-container").WaitForAsync();
        await Shot(page, "1-swagger-ui");

        // Authorize: the dialog's one API key field, then close it; the button now shows the lock closed.
        await page.Locator(".auth-wrapper button.authorize").ClickAsync();
        var dialog = page.Locator(".dialog-ux .modal-ux");
        await dialog.Locator("input").First.FillAsync(DemoKeys.Fra);
        await Shot(page, "2-authorize-dialog");
        await dialog.Locator("button.authorize").ClickAsync();
        await dialog.Locator("button.btn-done").ClickAsync();
        await VisibleAsync(page.Locator(".auth-wrapper button.authorize.locked"));

        // POST /api/v1/requests with the documented example: 201 and the new draft in the response panel.
        var create = await TryItOutAsync(page, "post", "/api/v1/requests");
        var example = await create.Locator("textarea.body-param__text").InputValueAsync();
        Assert.Equal("DEU", JsonNode.Parse(example)!["requestedState"]!.GetValue<string>());
        var drafted = await ExecuteAsync(create, 201);
        Assert.Equal("draft", drafted["status"]!.GetValue<string>());
        Assert.Equal("FRA", drafted["requestingState"]!.GetValue<string>());
        await Shot(page, "3-create-201");

        // A draft with only its kind and requested State, then its submission: 422 and every unmet rule.
        await create.Locator("textarea.body-param__text").FillAsync(IncompleteDraft);
        var incomplete = await ExecuteAsync(create, 201);
        var submit = await TryItOutAsync(page, "post", "/api/v1/requests/{id}/submit");
        await submit.Locator("tr[data-param-name='id'] input").FillAsync(incomplete["id"]!.GetValue<string>());
        var refused = await ExecuteAsync(submit, 422);
        Assert.Equal("/problems/treaty-rules-not-met", refused["type"]!.GetValue<string>());
        var findings = refused["errors"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f!["code"]?.GetValue<string>())));
        await VisibleAsync(submit.Locator(".live-responses-table .response-col_description").GetByText(findings[0]!["code"]!.GetValue<string>()).First);
        await Shot(page, "4-submit-422-findings");
    }

    /// <summary>Opens the operation's tag (the one the document gives it) and the operation, and presses Try it out.</summary>
    private static async Task<ILocator> TryItOutAsync(IPage page, string method, string path)
    {
        var document = JsonNode.Parse(await page.EvaluateAsync<string>("url => fetch(url).then(r => r.text())", DocumentPath))!;
        var tag = document["paths"]![path]![method]!["tags"]![0]!.GetValue<string>();
        var section = page.Locator($".opblock-tag-section:has(.opblock-tag[data-tag='{tag}'])");
        if (await section.Locator(".opblock").CountAsync() == 0) await section.Locator(".opblock-tag").ClickAsync();
        var operation = page.Locator($".opblock.opblock-{method}").Filter(new LocatorFilterOptions
        {
            Has = page.Locator($".opblock-summary-path[data-path='{path}']"),
        }).First;
        await operation.Locator(".opblock-summary").First.ClickAsync();
        // The button turns into Cancel once the operation is editable; a click during the opening animation can be lost.
        var tryItOut = operation.Locator("button.try-out__btn");
        for (var attempt = 0; attempt < 5 && !await tryItOut.Locator(".cancel").Or(operation.Locator("button.try-out__btn.cancel")).IsVisibleAsync(); attempt++)
        {
            await tryItOut.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }
        await VisibleAsync(operation.Locator("button.try-out__btn.cancel"));
        return operation;
    }

    /// <summary>Presses Execute and reads the live response: its status code and its body, as the panel shows them.</summary>
    private static async Task<JsonObject> ExecuteAsync(ILocator operation, int expectedStatus)
    {
        var responses = operation.Locator(".live-responses-table");
        // Clear an earlier response first, so the one read is this execution's.
        var clear = operation.Locator("button.btn-clear");
        if (await clear.CountAsync() > 0) await clear.First.ClickAsync();
        await operation.Locator("button.execute").ClickAsync();
        var status = responses.Locator("tbody .response-col_status").First;
        await status.WaitForAsync();
        Assert.Equal(expectedStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), (await status.InnerTextAsync()).Split('\n')[0].Trim());
        var panel = responses.Locator("tbody .response-col_description pre").First;
        await panel.ScrollIntoViewIfNeededAsync();
        var body = await panel.InnerTextAsync();
        return JsonNode.Parse(body)!.AsObject();
    }

    private static Task VisibleAsync(ILocator locator) => locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = false });
}

