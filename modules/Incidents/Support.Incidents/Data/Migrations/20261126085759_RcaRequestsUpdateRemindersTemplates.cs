using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Incidents.Data.Migrations
{
    /// <inheritdoc />
    public partial class RcaRequestsUpdateRemindersTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UpdateReminderDueAtUtc",
                table: "incidents_incident",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "incidents_notification_template",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_notification_template", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents_rca_request",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    TicketNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_rca_request", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_rca_request_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_notification_template_Key_Language",
                table: "incidents_notification_template",
                columns: new[] { "Key", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_rca_request_IncidentId_NormalizedEmail",
                table: "incidents_rca_request",
                columns: new[] { "IncidentId", "NormalizedEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_rca_request_IncidentId_RequestedAtUtc",
                table: "incidents_rca_request",
                columns: new[] { "IncidentId", "RequestedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incidents_notification_template");

            migrationBuilder.DropTable(
                name: "incidents_rca_request");

            migrationBuilder.DropColumn(
                name: "UpdateReminderDueAtUtc",
                table: "incidents_incident");
        }
    }
}
