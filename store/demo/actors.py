"""The actors of the demo, their private readings and their relations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from coop_tui.store.models import (
    Actor,
    ActorKind,
    Blockage,
    Channel,
    CommuneProfile,
    Contact,
    ContactEntry,
    PrivateReading,
    Relation,
    RelationKind,
    Role,
)

if TYPE_CHECKING:
    pass
from coop_tui.store.demo.base import Builder, gendered, slug_of
from coop_tui.store.demo.pools_people import (
    ASSOCIATIONS,
    BLOCKAGES,
    CHANNELS,
    CITIZEN_GROUPS,
    COMMUNE_ROOTS,
    COMMUNE_SUFFIXES,
    COMMUNITY_SERVICES,
    COMPANIES,
    CONTACT_SUBJECTS,
    COUNCIL_RHYTHMS,
    DOMAIN,
    MAIRIE_STREETS,
    MAYOR_ROLES,
    MUNICIPAL_DELEGATIONS,
    PUBLIC_BODIES,
    RELATION_COUNTS,
    RELATION_NOTES,
    ROLE_WEIGHTS,
    SCORES,
    SHARED_SERVICES,
    SMALL_COMMUNES,
    STANCES,
    SURNAMES,
    TERRITORY_NAME,
    VP_DELEGATIONS,
    RoleChoice,
)


class ActorsBuilder(Builder):
    """The actors of the demo, their private readings and their relations."""

    def reading(self, kind: ActorKind, choice: RoleChoice) -> PrivateReading:
        role = choice if isinstance(choice, Role) or choice is None else self.weighted(
            ROLE_WEIGHTS[kind])
        if role is None:
            return PrivateReading()
        (influence_low, influence_high), (interest_low, interest_high) = SCORES[role]
        blockages: list[Blockage] = []
        odds = {Role.RELUCTANT: 1.0, Role.COUNTERWEIGHT: 0.4, Role.FOLLOWER: 0.15}
        if self.chance(odds.get(role, 0.0)):
            for text, reason in self.sample(BLOCKAGES, self.rng.randint(1, 2)):
                blockages.append(Blockage(id=self.uid(), text=text,
                                          reason=reason if self.chance(0.85) else ""))
        return PrivateReading(
            role=role,
            influence=self.rng.randint(influence_low, influence_high),
            interest=self.rng.randint(interest_low, interest_high),
            blockages=blockages,
            stance=self.pick(STANCES[role]),
        )

    def contact_log(self, role: Role | None, channels: list[Channel]) -> list[ContactEntry]:
        counts = {Role.DRIVER: (3, 5), Role.FOLLOWER: (1, 3), Role.COUNTERWEIGHT: (2, 3),
                  Role.RELUCTANT: (2, 4), Role.NEUTRAL: (0, 2)}
        low, high = counts.get(role, (0, 1)) if role else (0, 1)
        count = self.rng.randint(low, high)
        if count == 0:
            return []
        if role is Role.DRIVER:
            gap = self.rng.randint(1, 30)
        elif role is Role.FOLLOWER and self.chance(0.5):
            gap = self.rng.randint(70, 200)  # a follower not heard from for a while
        else:
            gap = self.rng.randint(5, 120)
        day = self.today - timedelta(days=gap)
        entries: list[ContactEntry] = []
        for _ in range(count):
            channel = self.pick(channels) if channels else Channel.PHONE
            entries.append(ContactEntry(id=self.uid(), on=day, channel=channel,
                                        subject=self.pick(CONTACT_SUBJECTS)))
            day -= timedelta(days=self.rng.randint(7, 90))
        entries.reverse()
        return entries

    def add_actor(
        self,
        name: str,
        kind: ActorKind,
        *,
        parent: Actor | None = None,
        role: RoleChoice = "draw",
        responsibilities: str = "",
        competences: str = "",
        email: str = "",
        mobile: bool = False,
        address: str = "",
        tags: Sequence[str] = (),
        profile: CommuneProfile | None = None,
        key: str = "",
    ) -> Actor:
        pool = CHANNELS[kind]
        channels = [] if self.chance(0.06) else self.sample(pool, self.rng.randint(1, 3))
        preferred = channels[0] if channels and self.chance(0.85) else None
        private = self.reading(kind, role)
        created = self.history_start + timedelta(days=self.rng.randint(0, 20))
        actor = Actor(
            **self.meta(created, self.today - timedelta(days=self.rng.randint(0, 60))),
            name=name,
            kind=kind,
            parent_id=parent.id if parent else None,
            responsibilities=responsibilities,
            competences=competences,
            channels=channels,
            preferred_channel=preferred,
            contact=Contact(
                email=email if email and self.chance(0.93) else "",
                phone=self.phone(mobile) if self.chance(0.85) else "",
                address=address,
            ),
            tags=list(dict.fromkeys(tags)),
            contact_log=self.contact_log(private.role, channels),
            commune=profile,
            private=private,
        )
        self.actors.append(actor)
        self.by_kind[kind].append(actor)
        if key:
            self.named[key] = actor
        return actor

    def names_from(self, templates: Sequence[str], count: int) -> list[tuple[str, int]]:
        """``count`` distinct names with the index of their template: every template once,
        then the ones that name a commune or a person, as long as they give new names."""
        used: set[str] = set()
        names: list[tuple[str, int]] = []
        variable = [i for i, t in enumerate(templates) if "{" in t] or list(range(len(templates)))
        attempts = 0
        while len(names) < count:
            index = attempts if attempts < len(templates) else self.pick(variable)
            attempts += 1
            name = templates[index].format(c=self.pick(self.commune_names),
                                           s=self.pick(SURNAMES))
            if name in used and attempts > 50 * count:
                name = f"{name} ({len(names) + 1})"
            if name not in used:
                used.add(name)
                names.append((name, index))
        return names

    def build_commune_names(self) -> list[tuple[str, int]]:
        communes = list(SMALL_COMMUNES[: self.plan.communes])
        taken = {name for name, _population in communes}
        while len(communes) < self.plan.communes:
            name = self.pick(COMMUNE_ROOTS) + self.pick(COMMUNE_SUFFIXES)
            if name not in taken:
                taken.add(name)
                population = int(min(6000, max(90, self.rng.lognormvariate(6.5, 0.7))))
                communes.append((name, population))
        return communes

    def mayor_role(self, index: int) -> RoleChoice:
        """The president, the first three vice-presidents and the small demo's mayors have
        set roles; the other ones are drawn."""
        fixed = {0: Role.DRIVER, 1: Role.DRIVER, 2: Role.COUNTERWEIGHT, 3: Role.FOLLOWER}
        if index <= self.plan.vice_presidents:
            return fixed.get(index, "draw")
        if self.plan.curated:
            return MAYOR_ROLES[(index - self.plan.vice_presidents - 1) % len(MAYOR_ROLES)]
        return "draw"

    def build_actors(self) -> None:
        plan = self.plan
        communes = self.build_commune_names()
        self.commune_names = [name for name, _population in communes]
        mayors = [self.person() for _ in communes]
        mayor_roles = [self.mayor_role(index) for index in range(len(communes))]
        # the communes: the bourg-centre leads; in the small demo, each other commune
        # stands where its mayor stands
        for index, ((name, population), mayor) in enumerate(zip(communes, mayors, strict=True)):
            others = [n for n in self.commune_names if n != name]
            shared = [self.pick(SHARED_SERVICES).format(other=self.pick(others))
                      for _ in range(self.rng.randint(1, 3))]
            central = index == 0
            secretary = self.person()
            profile = CommuneProfile(
                population=population,
                council_rhythm=COUNCIL_RHYTHMS[0] if central else self.pick(COUNCIL_RHYTHMS),
                mayor=mayor.name,
                deputies=[self.passer_by() for _ in range(6 if central
                                                          else self.rng.randint(1, 4))],
                secretary=(f"DGS : {secretary.name}" if central else
                           f"Secrétaire de mairie ({self.rng.randint(1, 4)} jours par "
                           f"semaine) : {secretary.name}"),
                shared_services="\n".join(f"- {line}" for line in dict.fromkeys(shared)),
            )
            sector = ("Centre" if central else ("Nord", "Sud", "Est", "Ouest")[index % 4])
            self.communes.append(self.add_actor(
                name, ActorKind.COMMUNE,
                responsibilities=(f"Commune membre, {population} habitant·e·s. Écoles, état "
                                  "civil, voirie communale, signature des autorisations "
                                  "d'urbanisme."),
                competences="Compétences communales ; développement économique, déchets et "
                            "petite enfance transférés à la communauté.",
                email=f"mairie@{slug_of(name)}.example.fr",
                address=f"Mairie, {self.pick(MAIRIE_STREETS)}\n{name}",
                tags=["commune", "bourg-centre" if central else "rurale", f"secteur {sector}"],
                profile=profile,
                role=Role.DRIVER if central else (mayor_roles[index] if plan.curated
                                                  else "draw"),
                key="central_commune" if central else "",
            ))
        # the community
        community = self.add_actor(
            TERRITORY_NAME, ActorKind.COMMUNITY, role=Role.DRIVER,
            responsibilities="Porte le projet de territoire, le schéma de mutualisation et le "
                             "pacte financier et fiscal.",
            competences="Développement économique, aménagement de l'espace, déchets, petite "
                        "enfance, service commun d'instruction ADS.",
            email=f"accueil@{DOMAIN}",
            address=f"Siège de la communauté, 2 rue des Tanneurs\n{self.commune_names[0]}",
            tags=["intercommunalité"], key="community",
        )
        # public bodies (the departmental councillor belongs to the first one)
        for index in range(plan.public_bodies):
            name, slug, duties, tag, under = PUBLIC_BODIES[index % len(PUBLIC_BODIES)]
            if index >= len(PUBLIC_BODIES):
                name = f"{name} ({index // len(PUBLIC_BODIES) + 1})"
            self.add_actor(
                name, ActorKind.PUBLIC_BODY, parent=community if under else None,
                responsibilities=duties, email=f"contact@{slug}.example.fr",
                tags=["partenaire institutionnel", tag], key=slug,
            )
        # mayors: the president and vice-presidents sit under the community
        for index, (commune, mayor) in enumerate(zip(self.communes, mayors, strict=True)):
            woman = mayor.feminine
            duties = f"Maire de {commune.name}"
            tags = ["élu·e", "maire", "conseil communautaire"]
            key = ""
            parent = commune
            if index == 0:
                duties += gendered(woman, " ; président de la communauté", " ; présidente de la "
                             "communauté")
                tags += ["bureau", "présidence"]
                key, parent = "president", community
            elif index <= plan.vice_presidents:
                delegation = VP_DELEGATIONS[(index - 1) % len(VP_DELEGATIONS)]
                duties += gendered(woman, " ; vice-président chargé ",
                                   " ; vice-présidente chargée ")
                duties += delegation
                tags += ["bureau", "VP"]
                parent = community
                key = {1: "vp_mutualisation", 2: "vp_finances", 3: "vp_culture"}.get(index, "")
            first, _space, last = mayor.name.partition(" ")
            actor = self.add_actor(
                mayor.name, ActorKind.ELECTED, parent=parent, role=mayor_roles[index],
                responsibilities=duties,
                competences="Pouvoirs de police du maire, état civil, urbanisme communal",
                email=f"{slug_of(first)}.{slug_of(last)}@{slug_of(commune.name)}.example.fr",
                mobile=True, tags=tags, key=key,
            )
            self.mayors.append(actor)
            self.mayor_of[commune.name] = actor
            self.councillors.append(actor)
        # other elected officials
        for index in range(plan.extra_elected):
            someone = self.person()
            first, _space, last = someone.name.partition(" ")
            woman = someone.feminine
            if index == 0:
                department = self.named["departement"]
                self.add_actor(
                    someone.name, ActorKind.ELECTED, parent=department,
                    responsibilities=gendered(woman, "Conseiller départemental du canton",
                                        "Conseillère départementale du canton"),
                    competences="Aides départementales aux communes, routes, solidarités",
                    email=f"{slug_of(first)}.{slug_of(last)}@departement.example.fr",
                    mobile=True, tags=["élu·e", "département"],
                )
                continue
            commune = self.pick(self.communes)
            councillor = index <= plan.community_councillors
            duties = (gendered(woman, "Adjoint au maire de ", "Adjointe au maire de ")
                      + commune.name
                      + gendered(woman, ", délégué ", ", déléguée ")
                      + self.pick(MUNICIPAL_DELEGATIONS))
            if councillor:
                duties += gendered(woman, " ; conseiller communautaire", " ; conseillère "
                             "communautaire")
            actor = self.add_actor(
                someone.name, ActorKind.ELECTED, parent=commune, responsibilities=duties,
                email=f"{slug_of(first)}.{slug_of(last)}@{slug_of(commune.name)}.example.fr",
                mobile=True,
                tags=["élu·e", "adjoint·e"] + (["conseil communautaire"] if councillor else []),
            )
            if councillor:
                self.councillors.append(actor)
        # services: the community's first, then the communes' own
        community_count = min(len(COMMUNITY_SERVICES), max(5, plan.services // 5))
        for key, name, duties, competences, tag in COMMUNITY_SERVICES[:community_count]:
            head = self.person()
            service_role: RoleChoice = {
                "mission": Role.DRIVER, "dgs": Role.DRIVER}.get(key, "draw")
            self.add_actor(
                name, ActorKind.SERVICE, parent=community, role=service_role,
                responsibilities=duties.format(person=head.name), competences=competences,
                email=f"{slug_of(key)}@{DOMAIN}", tags=["service communautaire", tag], key=key,
            )
        for index in range(plan.services - community_count):
            commune = self.communes[index % len(self.communes)]
            if index == 0:
                name = f"Services municipaux de {commune.name}"
            elif index < len(self.communes):
                name = f"Secrétariat de mairie de {commune.name}"
            else:
                name = f"Services techniques de {commune.name}"
            actor = self.add_actor(
                name, ActorKind.SERVICE, parent=commune,
                responsibilities=f"Accueil, état civil et gestion administrative de "
                                 f"{commune.name}.",
                email=f"secretariat@{slug_of(commune.name)}.example.fr",
                tags=["service communal"],
            )
            self.commune_services.setdefault(commune.name, actor)
        # associations, companies, citizen groups
        for name, index in self.names_from([name for name, _tag in ASSOCIATIONS],
                                           plan.associations):
            self.add_actor(name, ActorKind.ASSOCIATION, email=f"contact@{slug_of(name)}.example.fr",
                           responsibilities="Association loi 1901 active sur le territoire.",
                           tags=["association", ASSOCIATIONS[index][1]])
        for name, _index in self.names_from(COMPANIES, plan.companies):
            self.add_actor(name, ActorKind.COMPANY, email=f"contact@{slug_of(name)}.example.fr",
                           responsibilities="Entreprise implantée sur le territoire.",
                           tags=["entreprise"])
        for name, _index in self.names_from(CITIZEN_GROUPS, plan.citizen_groups):
            self.add_actor(name, ActorKind.CITIZEN_GROUP,
                           email=f"collectif@{slug_of(name)}.example.fr",
                           responsibilities="Groupe d'habitant·e·s mobilisé sur un sujet local.",
                           tags=["habitant·e·s"])
        self.actor_by_id = {actor.id: actor for actor in self.actors}

    # ------------------------------------------------------------------ relations

    def relation_pair(self, kind: RelationKind) -> tuple[Actor, Actor]:
        """A plausible source and target for a relation of ``kind``."""
        g = self.relation_groups
        options: list[tuple[str, str]]
        if kind is RelationKind.COOPERATION:
            options = [("commune", "commune"), ("mayor", "mayor"), ("association", "commune"),
                       ("service", "service"), ("company", "community"),
                       ("citizen_group", "association")]
        elif kind is RelationKind.TENSION:
            options = [("reluctant", "bureau"), ("commune", "commune"),
                       ("citizen_group", "community"), ("mayor", "mayor")]
        elif kind is RelationKind.HIERARCHY:
            child = self.pick(g["child"])
            return self.actor_by_id[child.parent_id or ""], child
        elif kind is RelationKind.FUNDING:
            options = [("public_body", "community"), ("public_body", "commune"),
                       ("public_body", "association"), ("community", "association"),
                       ("community", "commune")]
        elif kind is RelationKind.COUNTERWEIGHT:
            options = [("counterweight", "driver"), ("counterweight", "reluctant")]
        else:
            options = [("service", "mayor"), ("service", "commune"), ("community", "commune"),
                       ("public_body", "service"), ("association", "citizen_group")]
        source_group, target_group = self.pick(options)
        sources, targets = g[source_group], g[target_group]
        if not sources or not targets:
            sources = targets = self.actors
        return self.pick(sources), self.pick(targets)

    def relation_group_index(self) -> dict[str, list[Actor]]:
        groups: dict[str, list[Actor]] = {str(kind): list(self.by_kind[kind])
                                          for kind in ActorKind}
        groups["mayor"] = self.mayors
        groups["bureau"] = [a for a in self.mayors if "bureau" in a.tags]
        groups["child"] = [a for a in self.actors if a.parent_id]
        for role in Role:
            groups[str(role)] = [a for a in self.actors if a.private.role is role]
        return groups

    def build_relations(self) -> None:
        self.relation_groups = self.relation_group_index()
        total = sum(count for _kind, count in RELATION_COUNTS)
        quotas = [(kind, count * self.plan.relations // total) for kind, count in RELATION_COUNTS]
        quotas[0] = (quotas[0][0], quotas[0][1] + self.plan.relations
                     - sum(count for _kind, count in quotas))
        seen: set[tuple[str, str, RelationKind]] = set()
        symmetric = {RelationKind.COOPERATION, RelationKind.TENSION}
        for kind, quota in quotas:
            made = attempts = 0
            while made < quota:
                attempts += 1
                if attempts > 200 * quota:
                    source, target = self.pick(self.actors), self.pick(self.actors)
                else:
                    source, target = self.relation_pair(kind)
                pair = sorted((source.id, target.id)) if kind in symmetric else [source.id,
                                                                                   target.id]
                signature = (pair[0], pair[1], kind)
                if source.id == target.id or signature in seen:
                    continue
                seen.add(signature)
                made += 1
                start = self.history_start + timedelta(days=self.rng.randint(0, 60))
                self.relations.append(Relation(
                    **self.meta(start, self.today - timedelta(days=self.rng.randint(0, 90))),
                    source_id=source.id, target_id=target.id, kind=kind,
                    strength=self.weighted([(1, 2), (2, 3), (3, 2)]),
                    note=self.pick(RELATION_NOTES[kind]),
                ))

    # ------------------------------------------------------------------ levers

