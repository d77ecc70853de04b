-- wrk script: customers opening tickets through the portal form (POST /tickets/new, multipart, with
-- the antiforgery token and cookie fetched once by benchmarks/ticketing-load.sh; a token stays valid
-- for its cookie). Every request is a different customer address, so each one also creates a contact.
--
-- Environment: FORM_TOKEN, FORM_COOKIE (the Cookie header), RUN (a tag put in every subject),
-- OPEN_SECONDS (how long to keep opening tickets), PAUSE_MS (optional: each connection waits this long
-- before each request, to open tickets at a chosen rate rather than as fast as the host answers). After OPEN_SECONDS no connection sends again:
-- wrk's -d must be a few seconds longer, so that every request sent gets its answer before wrk
-- stops, and the tickets in the database can be compared exactly with the 302 answers counted here.

local token = os.getenv("FORM_TOKEN")
local cookie = os.getenv("FORM_COOKIE")
local run = os.getenv("RUN") or "load"
local open_seconds = tonumber(os.getenv("OPEN_SECONDS") or "25")
local pause_ms = tonumber(os.getenv("PAUSE_MS") or "0")
local boundary = "----SupportLoadBoundary7MA4YWxkTrZu0gW"
local priorities = { "Low", "Normal", "Normal", "High" }

local threads = {}
local thread_number = 0

function setup(thread)
   thread_number = thread_number + 1
   thread:set("number", thread_number)
   table.insert(threads, thread)
end

function init(args)
   deadline = os.time() + open_seconds
   sent = 0
   created = 0
   rejected = 0
   rejected_status = 0
end

local function field(name, value)
   return "--" .. boundary .. "\r\n"
      .. "Content-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n"
      .. value .. "\r\n"
end

function request()
   sent = sent + 1
   local n = number .. "-" .. sent
   local body = field("__RequestVerificationToken", token)
      .. field("Input.HelpTopicId", tostring(1 + sent % 7))
      .. field("Input.Company", "Charge Réseau SAS")
      .. field("Input.Department", "Informatique")
      .. field("Input.Email", "client-" .. run .. "-" .. n .. "@charge.example")
      .. field("Input.Name", "Client " .. n)
      .. field("Input.Phone", "+33 1 23 45 67 89")
      .. field("Input.Subject", "Imprimante hors ligne " .. run .. " " .. n)
      .. field("Input.Priority", priorities[1 + sent % 4])
      .. field("Input.Detail", "<p>Bonjour, depuis ce matin l'imprimante du deuxième étage n'imprime plus rien : "
         .. "les documents restent dans la file d'attente et le voyant clignote en orange. Nous avons redémarré "
         .. "l'imprimante et les postes sans succès.</p><p>Pouvez-vous intervenir rapidement ? Merci.</p>")
      .. "--" .. boundary .. "--\r\n"
   return wrk.format("POST", "/tickets/new", {
      ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
      ["Cookie"] = cookie,
   }, body)
end

-- Past the deadline a connection waits longer than the run lasts: nothing more is sent.
function delay()
   if os.time() >= deadline then
      return 3600000
   end
   return pause_ms
end

function response(status, headers, body)
   if status == 302 then
      created = created + 1
   else
      rejected = rejected + 1
      rejected_status = status
   end
end

function done(summary, latency, requests)
   local total_created, total_rejected, status = 0, 0, 0
   for _, thread in ipairs(threads) do
      total_created = total_created + thread:get("created")
      total_rejected = total_rejected + thread:get("rejected")
      if thread:get("rejected_status") ~= 0 then
         status = thread:get("rejected_status")
      end
   end
   io.write(string.format("created (302): %d\nother answers: %d (last status %d)\n", total_created, total_rejected, status))
end
