package io.brigade.server.bootstrap;

import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuCreated;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.org.Brand;
import io.brigade.protocol.org.Org;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.org.Vat;
import io.brigade.server.Ids;
import io.brigade.server.auth.ApiKeyFormat;
import io.brigade.server.auth.CredentialRepository;
import io.brigade.server.auth.Secrets;
import io.brigade.server.db.Database;
import io.brigade.server.kitchen.KitchenStationRepository;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.Plan;
import io.brigade.server.org.OrgService;
import io.brigade.protocol.staff.NewStaffMember;
import io.brigade.protocol.staff.StaffRole;
import io.brigade.server.staff.StaffRepository;
import io.brigade.server.staff.StaffService;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Creates a complete, independent demo restaurant: org tree, a published menu and credentials. */
public final class DemoBootstrap {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database database;
    private final Clock clock;

    public DemoBootstrap(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What bootstrap prints; the secrets appear here once and are stored only as digests. */
    public record Result(String orgId, String brandId, String propertyId, String salesChannelId, String menuId,
                         String menuRevisionId, List<String> menuItemIds, List<String> modifierItemIds,
                         String clientId, String clientSecret, String apiKey, String managerPin) {
    }

    public Result run(String name) {
        OrgRepository orgs = new OrgRepository();
        OrgService orgService = new OrgService(database, orgs, clock);
        MenuService menus = new MenuService(database, new MenuRepository(), orgs, clock);
        CredentialRepository credentials = new CredentialRepository();

        Org org = new Org(Ids.org(), name, Plan.ENTERPRISE.wireName());
        database.inTransaction(c -> {
            orgs.insertOrg(c, org, true, clock.instant());
            return null;
        });
        Brand brand = orgService.createBrand(org.orgId(), new Brand(null, null, name));
        Property property = orgService.createProperty(org.orgId(), new Property(null, null, name + " Main Street",
                "1 Main Street, Dublin", "IE", "Europe/Dublin", "EUR",
                new Vat(true, true, new BigDecimal("13.5"), List.of(new Vat.VatBand("Reduced", new BigDecimal("13.5")),
                        new Vat.VatBand("Standard", new BigDecimal("23"))))));
        SalesChannel pos = orgService.createChannel(org.orgId(), property.propertyId(),
                new SalesChannel(null, null, brand.brandId(), "Front counter till", "POS",
                        List.of("DineIn", "TakeAway", "Collection", "Delivery")));

        MenuContent content = demoMenu(name);
        MenuCreated created = menus.createMenu(org.orgId(), content);
        menus.publish(org.orgId(), created.menuId(), created.revisionId(), List.of(pos.salesChannelId()));

        List<String> itemIds = new ArrayList<>();
        content.categories().forEach(cat -> cat.items().forEach(i -> itemIds.add(i.id())));
        List<String> modifierIds = new ArrayList<>();
        content.modifiers().forEach(g -> g.items().forEach(i -> modifierIds.add(i.id())));

        String clientId = "cl_" + Secrets.crockford(16).toLowerCase();
        String clientSecret = Secrets.randomToken(32);
        String apiKey = ApiKeyFormat.generate();
        database.inTransaction(c -> {
            credentials.insertClient(c, clientId, org.orgId(), name + " integration", Secrets.sha256Hex(clientSecret),
                    clock.instant());
            credentials.insertApiKey(c, "key" + Secrets.crockford(10), org.orgId(), "Bootstrap key", apiKey,
                    clock.instant());
            return null;
        });
        // Someone must be able to sign in to the back office and add the rest of the staff.
        String managerPin = String.format("%06d", RANDOM.nextInt(1_000_000));
        // A one-time PIN: it was printed, so the manager chooses their own at first sign-in.
        new StaffService(database, new StaffRepository(), orgs, clock).add(org.orgId(),
                new NewStaffMember("Manager", StaffRole.MANAGER.name(), managerPin), true);
        return new Result(org.orgId(), brand.brandId(), property.propertyId(), pos.salesChannelId(),
                created.menuId(), Long.toString(created.revisionId()), itemIds, modifierIds, clientId, clientSecret,
                apiKey, managerPin);
    }

    /**
     * Adds the demo restaurant's staff with well-known PINs (cashier 1111, kitchen 2222, manager 9999): for the
     * desktop's built-in demo and tests only, never for a real org, whose manager starts from the printed PIN.
     */
    public void addDemoStaff(String orgId) {
        StaffService staff = new StaffService(database, new StaffRepository(), new OrgRepository(), clock);
        staff.markDemo(orgId);
        staff.add(orgId, new NewStaffMember("Ciara", StaffRole.CASHIER.name(), "1111"));
        staff.add(orgId, new NewStaffMember("Kevin", StaffRole.KITCHEN.name(), "2222"));
        staff.add(orgId, new NewStaffMember("Maeve", StaffRole.MANAGER.name(), "9999"));
    }

    /**
     * Gives the demo restaurant's store three kitchen stations: Pizza (the pizzas), Bar (the drinks) and Grill
     * (the burgers, and every category no station names).
     */
    public void addDemoStations(Result demo) {
        MenuContent menu = new MenuService(database, new MenuRepository(), new OrgRepository(), clock)
                .latestContent(demo.orgId(), demo.menuId()).orElseThrow();
        java.util.function.Function<String, List<String>> category = caption -> menu.categories().stream()
                .filter(c -> c.caption().equals(caption)).map(Category::id).toList();
        List<KitchenStation> stations = List.of(
                new KitchenStation("pizza", "Pizza", category.apply("Pizzas"), false),
                new KitchenStation("grill", "Grill", category.apply("Burgers"), true),
                new KitchenStation("bar", "Bar", category.apply("Drinks"), false));
        database.inTransaction(c -> {
            new KitchenStationRepository().replace(c, demo.orgId(), demo.propertyId(), stations);
            return null;
        });
    }

    /** The demo menu; ids are assigned here so that the ids printed by bootstrap are the stored ones. */
    static MenuContent demoMenu(String name) {
        ModifierGroup toppings = new ModifierGroup(Ids.uuid(), "Extra toppings", 0, 3, List.of(
                option("Extra mozzarella", "1.50", "0.40"), option("Mushrooms", "1.00", "0.25"),
                option("Pepperoni", "1.50", "0.45"), option("Rocket", "0.80", "0.15")));
        ModifierGroup side = new ModifierGroup(Ids.uuid(), "Choose a side", 1, 1, List.of(
                option("Fries", "0.00", "0.35"), option("Side salad", "0.00", "0.40"),
                option("Sweet potato fries", "1.00", "0.55")));
        List<String> pizzaMods = List.of(toppings.id());
        List<String> burgerMods = List.of(side.id());
        Category pizzas = new Category(Ids.uuid(), "Pizzas", "Stone-baked, 12 inch", List.of(
                item("Margherita", "11.50", "2.90", List.of("gluten", "milk"), pizzaMods),
                item("Diavola", "13.99", "3.60", List.of("gluten", "milk"), pizzaMods),
                item("Funghi", "12.50", "3.10", List.of("gluten", "milk"), pizzaMods),
                item("Quattro formaggi", "14.50", "4.20", List.of("gluten", "milk"), pizzaMods)));
        Category burgers = new Category(Ids.uuid(), "Burgers", "With a side of your choice", List.of(
                item("Classic burger", "12.00", "3.80", List.of("gluten", "milk", "mustard"), burgerMods),
                item("Cheeseburger", "13.00", "4.10", List.of("gluten", "milk", "mustard"), burgerMods),
                item("Veggie burger", "12.50", "3.20", List.of("gluten", "soybeans"), burgerMods),
                item("Chicken burger", "12.50", "3.50", List.of("gluten", "eggs"), burgerMods)));
        Category drinks = new Category(Ids.uuid(), "Drinks", null, List.of(
                item("Sparkling water", "2.50", "0.40", List.of(), List.of()),
                item("Cola", "3.00", "0.55", List.of(), List.of()),
                item("House red (glass)", "7.00", "1.90", List.of("sulphites"), List.of()),
                item("Craft lager", "6.00", "1.60", List.of("gluten"), List.of())));
        return new MenuContent(name + " menu", "EUR", List.of(), List.of(pizzas, burgers, drinks),
                List.of(toppings, side), List.of());
    }

    private static MenuItem item(String caption, String price, String cost, List<String> allergens,
                                 List<String> modifierIds) {
        BigDecimal p = new BigDecimal(price);
        String id = Ids.uuid();
        boolean alcohol = caption.contains("red") || caption.contains("lager");
        return new MenuItem(id, id, null, caption, null, allergens, alcohol, List.of(profile(p)), List.of(),
                modifierIds, new BigDecimal(cost));
    }

    private static MenuItem option(String caption, String price, String cost) {
        String id = Ids.uuid();
        return new MenuItem(id, id, null, caption, null, List.of(), false, List.of(profile(new BigDecimal(price))),
                List.of(), List.of(), new BigDecimal(cost));
    }

    private static PricingProfile profile(BigDecimal price) {
        BigDecimal rate = new BigDecimal("13.5");
        return new PricingProfile("default", price, price, price, price, rate, rate, rate, rate, price, true);
    }
}
