using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Workflows.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflows_outbox_messages_ProcessedAtUtc_NextAttemptAtUtc",
                table: "workflows_outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_outbox_messages_ProcessedAtUtc_Id",
                table: "workflows_outbox_messages",
                columns: new[] { "ProcessedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflows_outbox_messages_ProcessedAtUtc_Id",
                table: "workflows_outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_outbox_messages_ProcessedAtUtc_NextAttemptAtUtc",
                table: "workflows_outbox_messages",
                columns: new[] { "ProcessedAtUtc", "NextAttemptAtUtc" });
        }
    }
}
