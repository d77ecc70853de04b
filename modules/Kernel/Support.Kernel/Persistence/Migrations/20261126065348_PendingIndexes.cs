using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Kernel.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PendingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_kernel_outbox_messages_ProcessedAtUtc_NextAttemptAtUtc",
                table: "kernel_outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_kernel_email_messages_Status_NextAttemptAtUtc",
                table: "kernel_email_messages");

            migrationBuilder.CreateIndex(
                name: "IX_kernel_outbox_messages_ProcessedAtUtc_Id",
                table: "kernel_outbox_messages",
                columns: new[] { "ProcessedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_kernel_email_messages_Status_Id",
                table: "kernel_email_messages",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_kernel_outbox_messages_ProcessedAtUtc_Id",
                table: "kernel_outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_kernel_email_messages_Status_Id",
                table: "kernel_email_messages");

            migrationBuilder.CreateIndex(
                name: "IX_kernel_outbox_messages_ProcessedAtUtc_NextAttemptAtUtc",
                table: "kernel_outbox_messages",
                columns: new[] { "ProcessedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_kernel_email_messages_Status_NextAttemptAtUtc",
                table: "kernel_email_messages",
                columns: new[] { "Status", "NextAttemptAtUtc" });
        }
    }
}
