using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Incidents.Data.Migrations
{
    /// <inheritdoc />
    public partial class MajorIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incidents_incident",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AffectedServices = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceTicketNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    DeclaredById = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImpactDeterminedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstNotifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotificationReminderAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotificationLateAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScopeAssessment = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdateCadenceMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LastNotifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_incident", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents_status_subscription",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_status_subscription", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents_action_item",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_action_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_action_item_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_affected_company",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromTicket = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_affected_company", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_affected_company_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_incident_notification",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_incident_notification", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_incident_notification_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_linked_ticket",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LinkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_linked_ticket", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_linked_ticket_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_post_mortem",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WentWell = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    WentBadly = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RootCauses = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ContributingFactors = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_post_mortem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_post_mortem_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_resolution_task",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_resolution_task", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_resolution_task_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_status_update",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_status_update", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_status_update_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_team_member",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Team = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_team_member", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_team_member_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_timeline_entry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_timeline_entry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_timeline_entry_incidents_incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents_incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents_notification_recipient",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NotificationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents_notification_recipient", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incidents_notification_recipient_incidents_incident_notification_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "incidents_incident_notification",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_action_item_DoneAtUtc_DueOn",
                table: "incidents_action_item",
                columns: new[] { "DoneAtUtc", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_action_item_IncidentId",
                table: "incidents_action_item",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_affected_company_IncidentId_CompanyId",
                table: "incidents_affected_company",
                columns: new[] { "IncidentId", "CompanyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_incident_State_DeclaredAtUtc",
                table: "incidents_incident",
                columns: new[] { "State", "DeclaredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_incident_notification_IncidentId_SentAtUtc",
                table: "incidents_incident_notification",
                columns: new[] { "IncidentId", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_linked_ticket_IncidentId_TicketId",
                table: "incidents_linked_ticket",
                columns: new[] { "IncidentId", "TicketId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_linked_ticket_Number",
                table: "incidents_linked_ticket",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_notification_recipient_NotificationId",
                table: "incidents_notification_recipient",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_post_mortem_IncidentId",
                table: "incidents_post_mortem",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_resolution_task_IncidentId",
                table: "incidents_resolution_task",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_status_subscription_NormalizedEmail",
                table: "incidents_status_subscription",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_status_update_IncidentId_PublishedAtUtc",
                table: "incidents_status_update",
                columns: new[] { "IncidentId", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_status_update_PublishedAtUtc",
                table: "incidents_status_update",
                column: "PublishedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_team_member_IncidentId_StaffId_Role",
                table: "incidents_team_member",
                columns: new[] { "IncidentId", "StaffId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_timeline_entry_IncidentId_AtUtc",
                table: "incidents_timeline_entry",
                columns: new[] { "IncidentId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incidents_action_item");

            migrationBuilder.DropTable(
                name: "incidents_affected_company");

            migrationBuilder.DropTable(
                name: "incidents_linked_ticket");

            migrationBuilder.DropTable(
                name: "incidents_notification_recipient");

            migrationBuilder.DropTable(
                name: "incidents_post_mortem");

            migrationBuilder.DropTable(
                name: "incidents_resolution_task");

            migrationBuilder.DropTable(
                name: "incidents_status_subscription");

            migrationBuilder.DropTable(
                name: "incidents_status_update");

            migrationBuilder.DropTable(
                name: "incidents_team_member");

            migrationBuilder.DropTable(
                name: "incidents_timeline_entry");

            migrationBuilder.DropTable(
                name: "incidents_incident_notification");

            migrationBuilder.DropTable(
                name: "incidents_incident");
        }
    }
}
