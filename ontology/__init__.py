"""The govkg vocabulary (``govkg.ttl``) and SHACL shapes (``shapes.ttl``), installed as
package data ``graph.ontology`` so that an installed govkg finds them too."""
